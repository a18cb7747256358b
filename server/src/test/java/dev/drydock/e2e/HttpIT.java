package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar over HTTP: Streamable HTTP and SSE clients, and the guards in front of them. */
class HttpIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/mcp");
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    private static JarProcess serve(List<String> extra, Map<String, String> env) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--http", "0", "--project",
                Projects.withConfig(null).toString(), "--database-url", ToolHarness.jdbc(TestPostgres.exampleDatabase())));
        args.addAll(extra);
        return JarProcess.start(args, env);
    }

    private static int port(JarProcess drydock) throws Exception {
        Matcher m = LISTENING.matcher(drydock.awaitStderr(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60)));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static HttpResponse<String> post(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void exercise(McpSyncClient client) {
        client.initialize();
        assertThat(client.listTools().tools()).hasSize(16);
        CallToolResult status = client.callTool(new CallToolRequest("status", Map.of()));
        assertThat(status.isError()).isFalse();
        CallToolResult tables = client.callTool(new CallToolRequest("list_tables", Map.of()));
        assertThat(tables.isError()).isFalse();
        CallToolResult rows = client.callTool(new CallToolRequest("execute_sql", Map.of("sql", "select count(*) from posts")));
        assertThat(rows.isError()).isFalse();
        CallToolResult refused = client.callTool(new CallToolRequest("execute_sql", Map.of("sql", "delete from posts")));
        assertThat(refused.isError()).isTrue();
        CallToolResult migrations = client.callTool(new CallToolRequest("list_migrations", Map.of()));
        assertThat(migrations.isError()).as(String.valueOf(migrations.content())).isFalse();
        assertThat(((Map<?, ?>) migrations.structuredContent()).get("counts")).isEqualTo(
                Map.of("applied", 0, "pending", 0, "missing_locally", 6, "drifted", 0));
        CallToolResult plan = client.callTool(new CallToolRequest("plan_migration",
                Map.of("sql", "alter table posts add column summary text")));
        assertThat(plan.isError()).as(String.valueOf(plan.content())).isFalse();
        assertThat(((Map<?, ?>) plan.structuredContent()).get("plan_id").toString()).hasSize(64);
    }

    @Test
    void streamableHttpAndSseServeTheSameToolsOnLoopback() throws Exception {
        try (JarProcess drydock = serve(List.of(), Map.of())) {
            int port = port(drydock);
            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp").jsonMapper(McpJsonDefaults.getMapper()).build()).build()) {
                exercise(client);
            }
            try (McpSyncClient sse = McpClient.sync(HttpClientSseClientTransport.builder("http://127.0.0.1:" + port)
                    .sseEndpoint("/sse").jsonMapper(McpJsonDefaults.getMapper()).build()).build()) {
                exercise(sse);
            }
            assertThat(post(port, "/mcp", Map.of("Origin", "http://localhost:" + port)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void foreignOriginAndForeignHostAreRejected() throws Exception {
        try (JarProcess drydock = serve(List.of("--allowed-origin", "https://ide.example"), Map.of())) {
            int port = port(drydock);
            HttpResponse<String> evil = post(port, "/mcp", Map.of("Origin", "https://evil.example"));
            assertThat(evil.statusCode()).isEqualTo(403);
            assertThat(evil.body()).contains("Origin 'https://evil.example' is not allowed").contains("--allowed-origin");
            assertThat(post(port, "/sse", Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
            assertThat(post(port, "/mcp", Map.of("Origin", "https://ide.example")).statusCode()).isEqualTo(200);
            assertThat(rawStatusWithHost(port, "attacker.example:" + port)).isEqualTo(403);
            assertThat(rawStatusWithHost(port, "localhost:" + port)).isEqualTo(200);
            assertThat(rawStatusWithoutHost(port)).as("HTTP/1.0 without a Host header").isEqualTo(403);
            HttpResponse<String> tab = post(port, "/mcp", Map.of("Origin", "https://evil.example"));
            assertThat(tab.body()).startsWith("{").endsWith("}}");
        }
    }

    @Test
    void beyondLoopbackABearerTokenIsRequired() throws Exception {
        String token = "test-token-" + System.nanoTime();
        try (JarProcess drydock = serve(List.of("--bind", "0.0.0.0"), Map.of("DRYDOCK_HTTP_TOKEN", token))) {
            int port = port(drydock);
            HttpResponse<String> missing = post(port, "/mcp", Map.of());
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(missing.body()).doesNotContain(token);
            assertThat(post(port, "/mcp", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
            assertThat(post(port, "/sse", Map.of()).statusCode()).isEqualTo(401);
            try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp").jsonMapper(McpJsonDefaults.getMapper())
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token)).build()).build()) {
                exercise(client);
            }
            assertThat(drydock.stderr()).doesNotContain(token);
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefusedAtStart() throws Exception {
        try (JarProcess drydock = serve(List.of("--bind", "0.0.0.0"), Map.of())) {
            assertThat(drydock.waitFor(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(drydock.stderr()).contains("CONFIG_INVALID").contains("DRYDOCK_HTTP_TOKEN");
        }
    }

    private static int rawStatusWithoutHost(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.0\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** java.net.http will not send a foreign Host header, so this speaks HTTP/1.1 on a socket. */
    private static int rawStatusWithHost(int port, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}

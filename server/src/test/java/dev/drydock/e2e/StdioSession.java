package dev.drydock.e2e;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@code drydock serve --project DIR} on the packaged jar, started by the MCP SDK's stdio
 * transport, and its client, as an agent's host runs it; with form elicitation declared when
 * {@code human} answers the forms. {@link #server} is the server's process, for tests that kill it.
 */
final class StdioSession implements AutoCloseable {
    final McpSyncClient client;
    final ProcessHandle server;
    final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, Object>> outputSchemas;
    String lastToken;
    String lastText;
    private int calls;

    StdioSession(Path dir, Map<String, String> env, Function<ElicitFormRequest, ElicitResult> human) {
        this(dir, env, human, Duration.ofMinutes(3));
    }

    StdioSession(Path dir, Map<String, String> env, Function<ElicitFormRequest, ElicitResult> human, Duration requestTimeout) {
        List<String> command = JarProcess.command(List.of("serve", "--project", dir.toString()));
        ServerParameters.Builder params = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()));
        env.forEach(params::addEnvVar);
        StdioClientTransport transport = new StdioClientTransport(params.build(), McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { });
        McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(requestTimeout).progressConsumer(progress::add);
        if (human != null) {
            spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(human);
        }
        client = spec.build();
        client.initialize();
        server = ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(dir.toString())).orElse(false))
                .filter(ProcessHandle::isAlive).findFirst().orElseThrow();
        outputSchemas = client.listTools().tools().stream()
                .collect(Collectors.toMap(McpSchema.Tool::name, McpSchema.Tool::outputSchema));
    }

    CallToolResult call(String tool, Map<String, Object> args) {
        String token = tool + "-" + (++calls);
        lastToken = token;
        CallToolResult r = client.callTool(CallToolRequest.builder().name(tool).arguments(args).progressToken(token).build());
        lastText = ((McpSchema.TextContent) r.content().get(0)).text();
        return r;
    }

    /** A success, its structuredContent checked against the outputSchema the server listed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> ok(String tool, Map<String, Object> args) {
        CallToolResult r = call(tool, args);
        assertThat(r.isError()).as(lastText).isFalse();
        var check = McpJsonDefaults.getSchemaValidator().validate(outputSchemas.get(tool), r.structuredContent());
        assertThat(check.valid()).as("%s breaks %s's outputSchema: %s", r.structuredContent(), tool, check.errorMessage())
                .isTrue();
        return (Map<String, Object>) r.structuredContent();
    }

    /** A refusal: {@code isError}, text {@code CODE: …} with a next step, and {@code code} in structuredContent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> refused(String tool, Map<String, Object> args, String code) {
        CallToolResult r = call(tool, args);
        assertThat(r.isError()).as(lastText).isTrue();
        assertThat(lastText).startsWith(code + ": ").contains("Next step");
        assertThat((Map<String, Object>) r.structuredContent()).containsEntry("code", code);
        return (Map<String, Object>) r.structuredContent();
    }

    /** A new branch, the migration applied on it (which writes its files into the project); returns its version. */
    String prove(String name, String up, String down) {
        // The branch server (and its branch names) is shared by every project on the test cluster.
        String branch = name.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ok("create_branch", Map.of("name", branch))).containsEntry("status", "MIGRATIONS_PASSED");
        Map<String, Object> r = ok("apply_on_branch", Map.of("branch", branch, "name", name, "sql", up, "rollback_sql", down));
        assertThat(r).containsEntry("status", "ROUND_TRIP_PASSED");
        return (String) r.get("version");
    }

    List<String> progressMessages(String token) {
        return progress.stream().filter(p -> token.equals(p.progressToken()))
                .map(McpSchema.ProgressNotification::message).toList();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}

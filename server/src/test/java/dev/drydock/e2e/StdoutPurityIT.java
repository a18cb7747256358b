package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** In stdio mode every byte on stdout is JSON-RPC, whatever Drydock, PostgreSQL or the JVM log. */
class StdoutPurityIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyStdoutLineIsJsonRpcAndTheServerStopsWhenStdinCloses() throws Exception {
        List<String> args = List.of("serve", "--project", Projects.copyOfExample().toString());
        try (JarProcess drydock = JarProcess.start(args, Map.of())) {
            assertPure(drydock);
        }
    }

    /** The SDK's stdio transport stops for good after one unparsable line; Drydock answers such lines itself. */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void malformedLinesGetJsonRpcErrorsAndTheSessionGoesOn() throws Exception {
        List<String> args = List.of("serve", "--project", Projects.withConfig(null).toString(),
                "--database-url", "postgres://u@127.0.0.1:1/none");
        try (JarProcess drydock = JarProcess.start(args, Map.of())) {
            drydock.send("not json");
            drydock.send("[".repeat(600) + "]".repeat(600));
            drydock.send("{\"id\": 7}");
            BufferedReader out = new BufferedReader(new InputStreamReader(drydock.process().getInputStream(), StandardCharsets.UTF_8));
            assertThat(JSON.readTree(out.readLine()).path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(JSON.readTree(out.readLine()).path("error").path("code").asInt()).isEqualTo(-32700);
            JsonNode invalid = JSON.readTree(out.readLine());
            assertThat(invalid.path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(invalid.path("id").asInt()).isEqualTo(7);
            drydock.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
            assertThat(JSON.readTree(out.readLine()).path("result").path("serverInfo").path("name").asString()).isEqualTo("drydock");
            drydock.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            drydock.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
            assertThat(JSON.readTree(out.readLine()).path("id").asInt()).isEqualTo(2);
        }
    }

    /** The launcher maps a class-data archive; a stale or foreign one makes the JVM warn, never on stdout. */
    @Test
    void throughTheLauncherWithItsArchiveToo() throws Exception {
        assertThat(JarProcess.launcher()).exists();
        List<String> args = List.of("serve", "--project", Projects.copyOfExample().toString());
        try (JarProcess drydock = JarProcess.startWithLauncher(args, Map.of())) {
            assertPure(drydock);
        }
        // A JDK 17 archive belongs to the directory it was made in: moved, the JVM rejects it with a warning.
        java.nio.file.Path moved = java.nio.file.Files.createTempDirectory("drydock-moved");
        for (String file : List.of("drydock", "drydock.jar", "drydock-17.jsa")) {
            java.nio.file.Files.copy(JarProcess.launcher().resolveSibling(file), moved.resolve(file),
                    java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        List<String> command = new ArrayList<>(List.of(moved.resolve("drydock").toString()));
        command.addAll(args);
        try (JarProcess warned = JarProcess.start(command, Map.of("JAVA_HOME", System.getProperty("java.home")), true)) {
            assertPure(warned);
            assertThat(warned.stderr()).as("the JVM's own warning, on stderr").containsIgnoringCase("shared");
        }
    }

    private static void assertPure(JarProcess drydock) throws Exception {
        try (OutputStream in = drydock.process().getOutputStream()) {
            for (String message : List.of(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"purity\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"status\",\"arguments\":{}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"execute_sql\",\"arguments\":{\"sql\":\"select * from nowhere\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tables\",\"arguments\":{\"verbose\":true}}}")) {
                in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(drydock.process().getInputStream(), StandardCharsets.UTF_8));
            while (lines.stream().filter(l -> l.contains("\"id\":")).count() < 6) {
                String line = out.readLine();
                assertThat(line).as("stdout ended early; stderr:\n%s", drydock.stderr()).isNotNull();
                lines.add(line);
            }
            for (String line : lines) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.path("jsonrpc").asString()).as("line: %s", line).isEqualTo("2.0");
            }
            assertThat(drydock.stderr()).contains("Embedded PostgreSQL");
        }
        assertThat(drydock.waitFor(Duration.ofSeconds(60))).isZero();
        assertThat(drydock.stderr()).contains("Embedded PostgreSQL stopped");
    }
}

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
        try (JarProcess drydock = JarProcess.start(List.of("serve", "--project", Projects.copyOfExample().toString()), Map.of())) {
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
}

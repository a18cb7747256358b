package dev.drydock.mcp;

import dev.drydock.db.Redactor;
import dev.drydock.policy.Approval;
import dev.drydock.policy.ApprovalGate;
import dev.drydock.policy.ApprovalRequest;
import dev.drydock.policy.Approvals;
import dev.drydock.tools.Json;
import dev.drydock.tools.ToolHandler;
import dev.drydock.tools.ToolOutput;
import dev.drydock.tools.ToolRunner;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval question over a real MCP session: Drydock's server over Streamable HTTP in this JVM,
 * the SDK's client with an elicitation handler standing for the human. The tool is a stand-in that
 * asks for approval the way apply_migration will (it borrows delete_branch's contract); the full round trip
 * on the jar comes with apply_migration.
 */
class ElicitationRoundTripTest {
    private static final String PLAN = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
    private static final ApprovalRequest REQUEST = new ApprovalRequest(PLAN, "prod", List.of("20240301090600_add_slug"),
            ApprovalRequest.APPLY, 62, "medium", List.of("ACCESS EXCLUSIVE on public.posts"), 1.5);

    @TempDir
    Path state;

    /** The stand-in's result, shaped to the borrowed contract (delete_branch: one string, {@code deleted}). */
    private record Approved(String deleted) implements ToolOutput {
        @Override
        public String text() {
            return deleted;
        }
    }

    private McpSchema.CallToolResult call(McpSchema.ClientCapabilities capabilities,
                                          Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> human) throws Exception {
        ApprovalGate gate = new ApprovalGate(new Approvals(state, Clock.systemUTC()), Duration.ofMinutes(30), "server");
        ToolHandler asks = new ToolHandler() {
            @Override
            public String name() {
                return "delete_branch";
            }

            @Override
            public ToolOutput call(dev.drydock.tools.Arguments args) {
                Approval a = gate.require(REQUEST, args.context().elicitation());
                return new Approved("approved by " + a.approvedBy() + " via " + a.via());
            }
        };
        McpServers mcp = new McpServers(List.of(asks), new ToolRunner(Json.mapper(), Redactor.none()));
        try (HttpServer http = HttpServer.start(mcp, "127.0.0.1", 0, null, List.of());
             McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + http.port())
                             .endpoint(HttpServer.MCP_PATH).jsonMapper(McpJsonDefaults.getMapper()).build())
                     .capabilities(capabilities).elicitation(human).requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            return client.callTool(new McpSchema.CallToolRequest("delete_branch", Map.of("branch", "stand-in")));
        }
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void theHumanAcceptsInTheClientsForm() throws Exception {
        List<McpSchema.ElicitFormRequest> asked = new ArrayList<>();
        McpSchema.CallToolResult r = call(McpSchema.ClientCapabilities.builder().elicitation().build(), req -> {
            asked.add(req);
            return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", true, "approver", "Ann"));
        });

        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).isEqualTo("approved by Ann via elicitation");
        assertThat(asked).singleElement().satisfies(q -> {
            assertThat(q.message()).contains("prod", "20240301090600_add_slug", "62/100", "ACCESS EXCLUSIVE on public.posts", PLAN);
            assertThat(q.requestedSchema()).containsKey("properties");
        });
        assertThat(new Approvals(state, Clock.systemUTC()).valid(PLAN, "prod")).isPresent();
    }

    @Test
    void theHumanDeclinesInTheClientsForm() throws Exception {
        McpSchema.CallToolResult r = call(McpSchema.ClientCapabilities.builder().elicitation().build(),
                req -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("APPROVAL_REQUIRED: ").contains("the human declined it");
        assertThat(((Map<?, ?>) r.structuredContent()).get("code")).isEqualTo("APPROVAL_REQUIRED");
        assertThat(new Approvals(state, Clock.systemUTC()).valid(PLAN, "prod")).isEmpty();
    }

    @Test
    void aClientWithoutElicitationIsNotAskedAndGetsTheTerminalStep() throws Exception {
        McpSchema.CallToolResult r = call(McpSchema.ClientCapabilities.builder().build(), req -> {
            throw new AssertionError("a client without the capability must not be asked");
        });

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("this client cannot ask for one", "Next step: ask the user to run `drydock approve " + PLAN);
        assertThat(new Approvals(state, Clock.systemUTC()).pending(PLAN)).isPresent();
    }
}

package dev.drydock.mcp;

import dev.drydock.Elicitation;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The elicitation adapter on the SDK's own request and result types. The round trip through a real
 * MCP client (McpClient.sync with an elicitation handler, over stdio on the jar) runs with
 * apply_migration, the first tool that asks.
 */
class McpElicitationTest {
    private static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("approve", Map.of("type", "boolean")), "required", List.of("approve"));

    @Test
    void theQuestionIsAFormRequestAndEachAnswerMapsToItsAction() {
        List<McpSchema.ElicitRequest> sent = new ArrayList<>();
        Elicitation accept = new McpElicitation(r -> {
            sent.add(r);
            return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", true, "approver", "Ann"));
        });

        Elicitation.Answer answer = accept.ask("Approve?", SCHEMA);

        assertThat(answer.action()).isEqualTo(Elicitation.Action.ACCEPT);
        assertThat(answer.content()).containsEntry("approve", true).containsEntry("approver", "Ann");
        assertThat(sent).singleElement().isInstanceOfSatisfying(McpSchema.ElicitFormRequest.class, r -> {
            assertThat(r.message()).isEqualTo("Approve?");
            assertThat(r.requestedSchema()).isEqualTo(SCHEMA);
        });
        assertThat(new McpElicitation(r -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null))
                .ask("Approve?", SCHEMA).action()).isEqualTo(Elicitation.Action.DECLINE);
        assertThat(new McpElicitation(r -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null))
                .ask("Approve?", SCHEMA).action()).isEqualTo(Elicitation.Action.CANCEL);
    }

    @Test
    void aClientThatFailsOrTimesOutIsACancel() {
        Elicitation gone = new McpElicitation(r -> {
            throw new IllegalStateException("Did not observe any item or terminal signal within 600000ms");
        });
        assertThat(gone.ask("Approve?", SCHEMA)).isEqualTo(new Elicitation.Answer(Elicitation.Action.CANCEL, Map.of()));
        assertThat(new McpElicitation(r -> null).ask("Approve?", SCHEMA).action()).isEqualTo(Elicitation.Action.CANCEL);
    }

    @Test
    void onlyAClientThatDeclaredFormElicitationIsAsked() {
        assertThat(McpElicitation.supportsForms(McpSchema.ClientCapabilities.builder().elicitation().build())).isTrue();
        assertThat(McpElicitation.supportsForms(McpSchema.ClientCapabilities.builder().elicitation(true, false).build()))
                .isTrue();
        assertThat(McpElicitation.supportsForms(McpSchema.ClientCapabilities.builder().elicitation(false, true).build()))
                .as("url mode only").isFalse();
        assertThat(McpElicitation.supportsForms(McpSchema.ClientCapabilities.builder().roots(true).build())).isFalse();
        assertThat(McpElicitation.supportsForms(null)).isFalse();
    }
}

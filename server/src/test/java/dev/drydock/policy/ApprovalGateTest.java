package dev.drydock.policy;

import dev.drydock.DrydockException;
import dev.drydock.Elicitation;
import dev.drydock.ErrorCode;
import dev.drydock.tools.ErrorOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.drydock.policy.ApprovalsTest.PLAN;
import static dev.drydock.policy.ApprovalsTest.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApprovalGateTest {
    @TempDir
    Path state;

    private final TestClock clock = new TestClock(Instant.parse("2024-03-01T09:00:00Z"));

    /** The human behind the client, scripted: each question gets the next answer. */
    static final class ScriptedHuman implements Elicitation {
        final List<String> questions = new ArrayList<>();
        final List<Map<String, Object>> schemas = new ArrayList<>();
        private final Supplier<Answer> answer;

        ScriptedHuman(Supplier<Answer> answer) {
            this.answer = answer;
        }

        @Override
        public boolean supported() {
            return true;
        }

        @Override
        public Answer ask(String message, Map<String, Object> requestedSchema) {
            questions.add(message);
            schemas.add(requestedSchema);
            return answer.get();
        }
    }

    private Approvals approvals() {
        return new Approvals(state, clock);
    }

    private ApprovalGate gate() {
        return new ApprovalGate(approvals(), Duration.ofMinutes(30), "alice");
    }

    private String refusal(Elicitation human) {
        DrydockException e = catchThrowableOfType(DrydockException.class, () -> gate().require(REQUEST, human));
        assertThat(e).as("expected APPROVAL_REQUIRED").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.APPROVAL_REQUIRED);
        return ErrorOutput.of(e).text();
    }

    @Test
    void theHumanAcceptingInTheFormGrantsAStoredApproval() {
        ScriptedHuman human = new ScriptedHuman(() -> new Elicitation.Answer(Elicitation.Action.ACCEPT,
                Map.of("approve", true, "approver", "Alice Martin")));

        Approval approval = gate().require(REQUEST, human);

        assertThat(approval.via()).isEqualTo("elicitation");
        assertThat(approval.approvedBy()).isEqualTo("Alice Martin");
        assertThat(approval.expiresAt()).isEqualTo(Instant.parse("2024-03-01T09:30:00Z"));
        assertThat(approvals().valid(PLAN, "prod")).contains(approval);
        assertThat(human.questions).singleElement().satisfies(q -> assertThat(q)
                .contains("prod", "20240301090600_add_slug", "apply", "62/100 (medium)",
                        "ACCESS EXCLUSIVE on public.posts", "about 2 s", PLAN, "30 minutes"));
        assertThat(human.schemas.get(0)).containsEntry("required", List.of("approve"));
        assertThat(List.copyOf(((Map<?, ?>) human.schemas.get(0).get("properties")).keySet())).hasToString("[approve, approver]");

        gate().require(REQUEST, human);
        assertThat(human.questions).as("a valid approval is not asked for again").hasSize(1);
    }

    @Test
    void anAcceptWithoutAnApproverNameRecordsTheOsUser() {
        Approval approval = gate().require(REQUEST, new ScriptedHuman(() -> new Elicitation.Answer(
                Elicitation.Action.ACCEPT, Map.of("approve", true, "approver", "  \u0007 "))));
        assertThat(approval.approvedBy()).isEqualTo("alice");
    }

    @Test
    void declineCancelOrANoAreRefusalsAndGrantNothing() {
        List<Elicitation.Answer> answers = List.of(
                new Elicitation.Answer(Elicitation.Action.DECLINE, Map.of()),
                new Elicitation.Answer(Elicitation.Action.CANCEL, Map.of()),
                new Elicitation.Answer(Elicitation.Action.ACCEPT, Map.of("approve", false)),
                new Elicitation.Answer(Elicitation.Action.ACCEPT, Map.of("approve", "true")),
                new Elicitation.Answer(Elicitation.Action.ACCEPT, Map.of()));
        for (Elicitation.Answer answer : answers) {
            String text = refusal(new ScriptedHuman(() -> answer));
            assertThat(text).as(answer.toString())
                    .startsWith("APPROVAL_REQUIRED: The apply of 20240301090600_add_slug on protected target 'prod' "
                            + "was not approved: the human ")
                    .contains("The target was not changed.", PLAN)
                    .contains("Next step: if they change their mind: they run `drydock approve " + PLAN + "`");
            assertThat(approvals().valid(PLAN, "prod")).as(answer.toString()).isEmpty();
        }
        assertThat(refusal(new ScriptedHuman(() -> new Elicitation.Answer(Elicitation.Action.DECLINE, Map.of()))))
                .contains("the human declined it");
    }

    @Test
    void aClientThatFailsWhileAskingCountsAsCancel() {
        String text = refusal(new ScriptedHuman(() -> {
            throw new IllegalStateException("client gone");
        }));
        assertThat(text).contains("dismissed the form without answering (or the client could not show it)");
        assertThat(approvals().valid(PLAN, "prod")).isEmpty();
    }

    @Test
    void withoutElicitationTheRequestWaitsForDrydockApprove() {
        String text = refusal(Elicitation.UNSUPPORTED);

        assertThat(text).startsWith("APPROVAL_REQUIRED: The apply of 20240301090600_add_slug on protected target 'prod' "
                        + "needs a human's approval, and this client cannot ask for one")
                .contains("Risk:        62/100 (medium)", "Locks:       ACCESS EXCLUSIVE on public.posts")
                .contains("No tool argument, environment variable or project file can.")
                .contains("Next step: ask the user to run `drydock approve " + PLAN + "` in their own terminal")
                .contains("Next step: once they say they approved, call apply_migration again with the same arguments");
        assertThat(Files.exists(state.resolve("requests").resolve(PLAN + ".json"))).isTrue();
        assertThat(approvals().pending(PLAN)).hasValueSatisfying(p -> {
            assertThat(p.request()).isEqualTo(REQUEST);
            assertThat(p.approvalTtl()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(approvals().valid(PLAN, "prod")).isEmpty();
    }

    @Test
    void aStateDirectoryThatCannotBeWrittenStillRefuses() throws Exception {
        Files.writeString(state.resolve("requests"), "a file where the directory should be");

        String text = refusal(Elicitation.UNSUPPORTED);

        assertThat(text).contains("The request could not be kept for `drydock approve`", "set DRYDOCK_STATE_DIR")
                .contains("Next step: ask the user to run `drydock approve " + PLAN + "`");
    }

    @Test
    void anApprovalIsForItsActionAndExpires() {
        approvals().grant(REQUEST, "alice", Approval.VIA_TERMINAL, Duration.ofMinutes(30));
        assertThat(gate().require(REQUEST, Elicitation.UNSUPPORTED).approvedBy()).isEqualTo("alice");

        ApprovalRequest rollback = new ApprovalRequest(PLAN, "prod", REQUEST.migrations(), ApprovalRequest.ROLLBACK,
                40, "medium", List.of(), 0.2);
        DrydockException e = catchThrowableOfType(DrydockException.class,
                () -> gate().require(rollback, Elicitation.UNSUPPORTED));
        assertThat(ErrorOutput.of(e).text()).contains("call rollback again with the same arguments");

        clock.advance(Duration.ofMinutes(30));
        assertThat(catchThrowableOfType(DrydockException.class, () -> gate().require(REQUEST, Elicitation.UNSUPPORTED)))
                .as("expired").isNotNull();
    }
}

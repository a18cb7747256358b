package dev.drydock.e2e;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.Elicitation;
import dev.drydock.policy.ApprovalGate;
import dev.drydock.policy.ApprovalRequest;
import dev.drydock.policy.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code drydock approve} on the packaged jar, sharing a state directory ($DRYDOCK_STATE_DIR) with a
 * gate that refused a change for want of approval, as the Drydock serving the agent does.
 */
class ApproveCliIT {
    private static final String PLAN = "5b1e0c2d9a8f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a2918070605";
    private static final ApprovalRequest REQUEST = new ApprovalRequest(PLAN, "prod", List.of("20240301090600_add_slug"),
            ApprovalRequest.APPLY, 62, "medium", List.of("ACCESS EXCLUSIVE on public.posts"), 1.5);

    @TempDir
    Path state;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String stdin, String... args) throws Exception {
        return run(JarProcess.command(List.of(args)), stdin);
    }

    private Run run(List<String> command, String stdin) throws Exception {
        try (JarProcess drydock = JarProcess.start(command, Map.of("DRYDOCK_STATE_DIR", state.toString()), true)) {
            drydock.process().getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(60));
            return new Run(exit, out, drydock.stderr());
        }
    }

    /** What the serving Drydock does when the client cannot ask the human: refuse and keep the request. */
    private void refusedForWantOfApproval() {
        ApprovalGate gate = new ApprovalGate(new Approvals(state, Clock.systemUTC()), Duration.ofMinutes(30), "server");
        DrydockException e = catchThrowableOfType(DrydockException.class, () -> gate.require(REQUEST, Elicitation.UNSUPPORTED));
        assertThat(e.code()).isEqualTo(ErrorCode.APPROVAL_REQUIRED);
    }

    private Path approvalFile() {
        return state.resolve("approvals").resolve(PLAN + ".json");
    }

    @Test
    void withoutATerminalItRefusesAndStoresNothing() throws Exception {
        refusedForWantOfApproval();

        Run r = run("y\n", "approve", PLAN);

        assertThat(r.exit()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stdout()).contains("Target:      prod (protected)", "20240301090600_add_slug", "Risk:        62/100 (medium)",
                "ACCESS EXCLUSIVE on public.posts", "Estimate:    about 2 s", "plan_id:     " + PLAN, "(30 minutes)");
        assertThat(r.stderr()).contains("Not approved: drydock approve asks y/N on a terminal, and this is not one (no TTY)",
                "add --yes", "An agent must never approve its own change.");
        assertThat(approvalFile()).doesNotExist();
    }

    @Test
    void yesWithoutATerminalIsTheCiPathAndTheServerThenFindsTheApproval() throws Exception {
        refusedForWantOfApproval();

        java.nio.file.Path project = Files.createTempDirectory("drydock-approve-project");
        Files.createDirectories(project.resolve(".drydock"));
        Run r = run("", "approve", PLAN.substring(0, 10), "--yes", "--project", project.toString());

        assertThat(r.exit()).as(r.stderr()).isZero();
        // The human's decision is in the project's audit log, beside the refusals and applies.
        assertThat(Files.readString(project.resolve(".drydock/audit.jsonl"))).contains("\"tool\":\"approve\"",
                "\"target\":\"prod\"", "\"decision\":\"approved\"", "\"planId\":\"" + PLAN + "\"");
        assertThat(r.stdout()).contains("Approved by " + System.getProperty("user.name") + " (ci) until ",
                "The agent can now call apply_migration again with the same arguments");
        assertThat(Files.readString(approvalFile())).contains("\"via\" : \"ci\"", "\"target\" : \"prod\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(approvalFile()))).isEqualTo("rw-------");
        assertThat(state.resolve("requests").resolve(PLAN + ".json")).as("no longer pending").doesNotExist();
        ApprovalGate gate = new ApprovalGate(new Approvals(state, Clock.systemUTC()), Duration.ofMinutes(30), "server");
        assertThat(gate.require(REQUEST, Elicitation.UNSUPPORTED).via()).isEqualTo("ci");

        Run list = run("", "approve", "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.stdout()).contains("Pending requests (0):", "Valid approvals (1):", PLAN + "  apply on prod  by ");
    }

    @Test
    void anUnknownPlanIdIsAnErrorThatListsThePendingRequests() throws Exception {
        refusedForWantOfApproval();

        Run r = run("", "approve", "0123456789abcdef", "--yes");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("INVALID_ARGUMENT: No pending approval request matches plan_id '0123456789abcdef'.",
                PLAN + " (apply on prod)", "Next step: drydock approve --list");
        assertThat(approvalFile()).doesNotExist();
    }

    @Test
    void onATerminalTheHumanAnswersYesOrNo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the command a pseudo-terminal");
        refusedForWantOfApproval();

        Run no = run(terminal(PLAN), "n\n");
        assertThat(no.exit()).as(no.stdout()).isEqualTo(1);
        assertThat(no.stdout()).contains("Approve? [y/N]", "Not approved. Nothing was stored");
        assertThat(approvalFile()).doesNotExist();

        Run yes = run(terminal(PLAN), "y\n");
        assertThat(yes.exit()).as(yes.stdout()).isZero();
        assertThat(yes.stdout()).contains("Approved by " + System.getProperty("user.name") + " (terminal)");
        assertThat(Files.readString(approvalFile())).contains("\"via\" : \"terminal\"");
    }

    /** {@code drydock approve PLAN} run under a pseudo-terminal, so that it has a console. */
    private static List<String> terminal(String plan) {
        List<String> inner = new ArrayList<>(JarProcess.command(List.of("approve", plan)));
        return List.of("/usr/bin/script", "-qec", String.join(" ", inner), "/dev/null");
    }
}

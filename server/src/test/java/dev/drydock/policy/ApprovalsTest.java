package dev.drydock.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalsTest {
    static final String PLAN = "3f2a9c41d7e8b6a5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1";
    static final ApprovalRequest REQUEST = new ApprovalRequest(PLAN, "prod", List.of("20240301090600_add_slug"),
            ApprovalRequest.APPLY, 62, "medium", List.of("ACCESS EXCLUSIVE on public.posts"), 1.5);

    @TempDir
    Path state;

    private final TestClock clock = new TestClock(Instant.parse("2024-03-01T09:00:00Z"));

    private Approvals approvals() {
        return new Approvals(state, clock);
    }

    @Test
    void aGrantedApprovalIsValidForItsPlanAndTargetUntilItExpires() {
        Approval granted = approvals().grant(REQUEST, "alice", Approval.VIA_TERMINAL, Duration.ofMinutes(30));

        assertThat(granted.expiresAt()).isEqualTo(Instant.parse("2024-03-01T09:30:00Z"));
        assertThat(approvals().valid(PLAN, "prod")).contains(granted);
        clock.advance(Duration.ofMinutes(29));
        assertThat(approvals().valid(PLAN, "prod")).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(approvals().valid(PLAN, "prod")).as("expired at expiresAt").isEmpty();
        assertThat(approvals().validApprovals()).isEmpty();
    }

    @Test
    void anApprovalForAnotherTargetOrPlanIsNoApproval() {
        approvals().grant(REQUEST, "alice", Approval.VIA_TERMINAL, Duration.ofMinutes(30));

        assertThat(approvals().valid(PLAN, "staging")).isEmpty();
        assertThat(approvals().valid(PLAN.replace('3', '4'), "prod")).isEmpty();
        assertThat(approvals().valid("../" + PLAN, "prod")).isEmpty();
        assertThat(approvals().valid(PLAN, null)).isEmpty();
    }

    @Test
    void aCorruptOrForeignFileIsNoApproval() throws Exception {
        approvals().grant(REQUEST, "alice", Approval.VIA_TERMINAL, Duration.ofMinutes(30));
        Path file = state.resolve("approvals").resolve(PLAN + ".json");

        Files.writeString(file, "{\"planId\": \"" + PLAN + "\", \"target\": \"prod\", \"expiresAt\": ");
        assertThat(approvals().valid(PLAN, "prod")).as("truncated JSON").isEmpty();

        Files.writeString(file, "[]");
        assertThat(approvals().valid(PLAN, "prod")).as("not an object").isEmpty();

        Files.writeString(file, "{\"planId\": \"" + PLAN + "\", \"target\": \"prod\", \"action\": \"apply\"}");
        assertThat(approvals().valid(PLAN, "prod")).as("no times").isEmpty();

        Files.writeString(file, "{\"planId\": \"" + PLAN.replace('3', '4') + "\", \"target\": \"prod\", "
                + "\"approvedAt\": \"2024-03-01T09:00:00Z\", \"expiresAt\": \"2024-03-01T09:30:00Z\"}");
        assertThat(approvals().valid(PLAN, "prod")).as("a file whose plan_id is not its name").isEmpty();

        Files.writeString(file, "{\"planId\": \"" + PLAN + "\", \"target\": \"prod\", "
                + "\"approvedAt\": \"2024-03-01T09:00:00Z\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        assertThat(approvals().valid(PLAN, "prod")).as("a lifetime no configuration allows").isEmpty();

        Files.writeString(file, "{\"planId\": \"" + PLAN + "\", \"target\": \"prod\", "
                + "\"approvedAt\": \"2024-03-01T09:00:00Z\", \"expiresAt\": \"2024-03-01T09:30:00Z\"}");
        assertThat(approvals().valid(PLAN, "prod")).as("a well-formed file").isPresent();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(approvals().valid(PLAN, "prod")).as("a file other users can write").isEmpty();
    }

    @Test
    void filesAreOwnerOnlyAndTheDirectoriesToo() throws Exception {
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        approvals().grant(REQUEST, "alice", Approval.VIA_TERMINAL, Duration.ofMinutes(30));
        approvals().requestPending(REQUEST, Duration.ofMinutes(30));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        for (String dir : List.of("approvals", "requests")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(dir)))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve(dir).resolve(PLAN + ".json"))))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(state.resolve("approvals"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly(PLAN + ".json");
        }
    }

    @Test
    void aPendingRequestIsFoundByItsPlanIdOrAUniquePrefixAndGoesOnceGranted() {
        PendingRequest pending = approvals().requestPending(REQUEST, Duration.ofMinutes(45));

        assertThat(pending.approvalTtl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(approvals().pending(PLAN)).contains(pending);
        assertThat(approvals().pending(PLAN.substring(0, 8))).contains(pending);
        assertThat(approvals().pending("deadbeef")).isEmpty();
        assertThat(approvals().pending("../../etc")).isEmpty();
        assertThat(approvals().pendingRequests()).containsExactly(pending);

        approvals().grant(REQUEST, "alice", Approval.VIA_CI, pending.approvalTtl());
        assertThat(approvals().pendingRequests()).isEmpty();
        assertThat(approvals().validApprovals()).extracting(Approval::via, Approval::approvedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ci", "alice"));
    }

    @Test
    void theStateDirectoryIsOutsideTheProject() {
        Map<String, String> env = Map.of("DRYDOCK_STATE_DIR", "/srv/drydock-state", "XDG_STATE_HOME", "/home/a/.state");
        assertThat(Approvals.stateDirectory(env::get, "/home/a")).isEqualTo(Path.of("/srv/drydock-state"));
        assertThat(Approvals.stateDirectory(Map.of("XDG_STATE_HOME", "/home/a/.state")::get, "/home/a"))
                .isEqualTo(Path.of("/home/a/.state/drydock"));
        assertThat(Approvals.stateDirectory(Map.of("XDG_STATE_HOME", "relative")::get, "/home/a"))
                .as("XDG says a relative path is invalid and ignored").isEqualTo(Path.of("/home/a/.local/state/drydock"));
        assertThat(Approvals.stateDirectory(k -> null, "/home/a")).isEqualTo(Path.of("/home/a/.local/state/drydock"));
    }
}

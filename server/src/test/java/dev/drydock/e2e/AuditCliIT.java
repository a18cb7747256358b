package dev.drydock.e2e;

import dev.drydock.audit.AuditLog;
import dev.drydock.audit.AuditRecord;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.migrate.TargetLog;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drydock audit} on the packaged jar: the project's copy written by CLI calls, and a target's copy. */
class AuditCliIT {
    private static Path project;
    private static DatabaseUrl main;

    private record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void project() throws Exception {
        project = Projects.copyOfExample();
        main = TestPostgres.exampleDatabase();
        Files.writeString(project.resolve("drydock.yaml"), "targets:\n  main:\n    url: " + ToolHarness.jdbc(main) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
    }

    private static Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString()));
        try (JarProcess drydock = JarProcess.start(all, Map.of())) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(120));
            return new Run(exit, out, drydock.stderr());
        }
    }

    @Test
    void branchChangesFromTheCliAreAuditedAndPrinted() throws Exception {
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(run("branch", "create", name, "--no-seed").exit()).isZero();
        assertThat(run("branch", "list").exit()).isZero();
        assertThat(run("branch", "delete", name).exit()).isZero();

        Run text = run("audit", "--since", "1h");
        assertThat(text.exit()).as(text.stderr()).isZero();
        List<String> lines = text.stdout().lines().filter(l -> l.contains(name)).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("create_branch", "branch:" + name, "[drydock-cli]", "  ok  ");
        assertThat(lines.get(1)).contains("delete_branch", "branch:" + name, "[drydock-cli]", " ms");

        Run json = run("audit", "--json");
        assertThat(json.exit()).isZero();
        List<JsonNode> records = json.stdout().lines().map(l -> JsonMapper.builder().build().readTree(l))
                .filter(n -> name.equals(n.path("branch").asString())).toList();
        assertThat(records).extracting(n -> n.path("tool").asString()).containsExactly("create_branch", "delete_branch");
        assertThat(records).allSatisfy(n -> {
            assertThat(n.path("client").asString()).isEqualTo("drydock-cli");
            assertThat(n.path("outcome").asString()).isEqualTo("ok");
            assertThat(n.has("durationMs")).isTrue();
        });

        Run future = run("audit", "--since", "2999-01-01");
        assertThat(future.exit()).isZero();
        assertThat(future.stdout()).isEmpty();
        assertThat(future.stderr()).contains("No audit records since 2999-01-01T00:00:00Z");
    }

    @Test
    void badSinceIsAUsageError() throws Exception {
        Run r = run("audit", "--since", "yesterday");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("--since 'yesterday' is neither a time nor an age", "2d");
    }

    @Test
    void targetCopyIsReadFromTheTargetsOwnTable() throws Exception {
        Run none = run("audit", "--target", "main");
        assertThat(none.exit()).as(none.stderr()).isZero();
        assertThat(none.stdout()).isEmpty();
        assertThat(none.stderr()).contains("Target 'main' has no drydock.audit_log table");

        AuditRecord applied = new AuditRecord(Instant.parse("2026-11-21T10:00:00Z"), "apply_migration", "main", null,
                "claude-code 2.0", List.of(new AuditRecord.Migration("20261121100000", "add_slug", "a".repeat(64),
                "b".repeat(64))), AuditRecord.APPROVED, List.of(), "alice", "plan-1", AuditRecord.OK, null, 812);
        try (Connection c = TestPostgres.connect(main)) {
            TargetLog.ensureTables(c);
            new AuditLog(project, Redactor.none(), null).insertOnTarget(c, applied);
        }
        Run r = run("audit", "--target", "main");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("2026-11-21T10:00:00Z  apply_migration  main  [claude-code 2.0]  "
                + "ok (approved)  20261121100000_add_slug  812 ms  approved by alice");
        assertThat(run("audit", "--target", "main", "--since", "2026-11-22").stdout()).isEmpty();
    }
}

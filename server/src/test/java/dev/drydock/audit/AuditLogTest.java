package dev.drydock.audit;

import dev.drydock.DrydockException;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.migrate.TargetLog;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log's two copies: the project's JSON lines file and a real target's drydock.audit_log. */
class AuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static AuditRecord record(Instant at, String tool, String target, String message) {
        return new AuditRecord(at, tool, target, null, "test-client 1.0",
                List.of(new AuditRecord.Migration("20261121100000", "add_slug", "a".repeat(64), "b".repeat(64))),
                AuditRecord.ALLOWED, List.of(new AuditRecord.Guard("rollback_present", AuditRecord.Guard.PASS, null)),
                "alice", "plan-1", AuditRecord.OK, message, 42);
    }

    @Test
    void appendsOneLinePerRecordAndReadsThemBackFilteredBySinceAndTarget() {
        Path project = Projects.withConfig(null);
        AuditLog log = new AuditLog(project, Redactor.none(), null);
        log.append(record(T0, "apply_migration", "staging", null));
        log.append(record(T0.plus(1, ChronoUnit.HOURS), "rollback", "prod", "multi\nline"));
        assertThat(project.resolve(".drydock/audit.jsonl")).content()
                .startsWith("{\"at\":\"2026-11-21T10:00:00Z\",\"tool\":\"apply_migration\",\"target\":\"staging\"");
        List<AuditRecord> all = log.read(null, null);
        assertThat(all).hasSize(2);
        assertThat(all.get(0)).isEqualTo(record(T0, "apply_migration", "staging", null));
        assertThat(all.get(1).message()).isEqualTo("multi\nline");
        assertThat(log.read(T0.plusSeconds(1), null)).extracting(AuditRecord::tool).containsExactly("rollback");
        assertThat(log.read(null, "staging")).extracting(AuditRecord::tool).containsExactly("apply_migration");
        assertThat(new AuditLog(Projects.withConfig(null), Redactor.none(), null).read(null, null)).isEmpty();
    }

    @Test
    void concurrentAppendsFromEightThreadsLeaveWholeLines() throws Exception {
        Path project = Projects.withConfig(null);
        // Two instances on one file, as two toolboxes of one JVM would have: the in-process monitor is per file.
        List<AuditLog> logs = List.of(new AuditLog(project, Redactor.none(), null), new AuditLog(project, Redactor.none(), null));
        String big = "x".repeat(20_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        logs.get(thread % 2).append(record(T0, "t" + thread + "-" + i, "main", big));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(project.resolve(AuditLog.FILE), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(200);
        assertThat(lines).allSatisfy(l -> assertThat(AuditRecord.fromJson(l).message()).isEqualTo(big));
        assertThat(logs.get(0).read(null, null)).extracting(AuditRecord::tool).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void secretsAreRedactedInBothCopies() throws Exception {
        Path project = Projects.withConfig(null);
        AuditLog log = new AuditLog(project, new Redactor(List.of("Configured-Pw-9")), null);
        AuditRecord leaky = new AuditRecord(T0, "apply_on_branch", null, "b1", "client",
                List.of(new AuditRecord.Migration("postgres://bob:Hunter2-Secret@db.example.com/app", "n", null, null)),
                AuditRecord.REFUSED, List.of(new AuditRecord.Guard("g", "fail", "password=Other-Secret-7")),
                null, null, "INVALID_ARGUMENT", "saw Configured-Pw-9 in the sql", 1);
        log.append(leaky);
        String file = Files.readString(project.resolve(AuditLog.FILE));
        assertThat(file).doesNotContain("Hunter2-Secret", "Other-Secret-7", "Configured-Pw-9").contains(Redactor.MASK);
        DatabaseUrl db = TestPostgres.emptyDatabase();
        try (Connection c = TestPostgres.connect(db)) {
            TargetLog.ensureTables(c);
            log.insertOnTarget(c, leaky);
            assertThat(AuditLog.readTarget(c, null).get(0).toJson())
                    .doesNotContain("Hunter2-Secret", "Other-Secret-7", "Configured-Pw-9");
        }
    }

    @Test
    void insertOnTargetCommitsOrRollsBackWithTheTransactionAndReadsBackSince() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        AuditLog log = new AuditLog(Projects.withConfig(null), Redactor.none(), null);
        try (Connection c = TestPostgres.connect(db)) {
            assertThat(AuditLog.hasTargetLog(c)).isFalse();
            assertThat(AuditLog.readTarget(c, null)).isEmpty();
            c.setAutoCommit(false);
            TargetLog.ensureTables(c);
            log.insertOnTarget(c, record(T0, "apply_migration", "main", null));
            c.rollback();
            assertThat(AuditLog.hasTargetLog(c)).isFalse();
            TargetLog.ensureTables(c);
            log.insertOnTarget(c, record(T0, "apply_migration", "main", null));
            log.insertOnTarget(c, record(T0.plus(2, ChronoUnit.DAYS), "rollback", "main", null));
            c.commit();
            c.setAutoCommit(true);
            List<AuditRecord> all = AuditLog.readTarget(c, null);
            assertThat(all).containsExactly(record(T0, "apply_migration", "main", null),
                    record(T0.plus(2, ChronoUnit.DAYS), "rollback", "main", null));
            assertThat(AuditLog.readTarget(c, T0.plus(1, ChronoUnit.DAYS))).extracting(AuditRecord::tool)
                    .containsExactly("rollback");
        }
    }

    @Test
    void sinceTakesInstantsDatesAndAgesAndRefusesAnythingElse() {
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        assertThat(Since.parse("2026-11-21T10:00Z", now)).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(Since.parse("2026-11-21T11:00+01:00", now)).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(Since.parse("2026-11-21", now)).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(Since.parse("1h", now)).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
        assertThat(Since.parse("2d", now)).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
        assertThat(Since.parse("90m", now)).isEqualTo(Instant.parse("2026-11-21T10:30:00Z"));
        assertThatThrownBy(() -> Since.parse("yesterday", now)).isInstanceOf(DrydockException.class)
                .hasMessageContaining("'yesterday'");
    }
}

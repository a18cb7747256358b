package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.drydock.e2e.TargetProbe.column;
import static dev.drydock.e2e.TargetProbe.fingerprint;
import static dev.drydock.e2e.TargetProbe.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every guard of apply_migration refusing, through the MCP SDK's client on the packaged jar over
 * stdio, where an agent would call it: each refusal is provoked as an agent or a colleague would
 * cause it (a deleted rollback, an edited byte, a blocked statement on a protected target, an
 * applied migration edited afterwards, another apply holding the target, a long transaction on the
 * table), answers with its code in structuredContent and the facts in its text, and leaves the
 * target exactly as it was: columns, indexes, history rows, Drydock's log and audit rows.
 *
 * <p>One server for the class; each test has a target of its own, on a PostgreSQL server that is
 * not the branch server, and removes the migrations it wrote from the shared project when done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionGuardsStdioIT {
    private static final String POLICY = "policy:\n  targetLockWait: 1s\n  lockTimeout: 200ms\n  lockRetries: 2\n";
    private static final String SLUG_UP = "alter table public.posts add column slug text;\n"
            + "create index posts_slug_idx on public.posts (slug);\n";
    private static final String SLUG_DOWN = "drop index public.posts_slug_idx;\nalter table public.posts drop column slug;\n";

    private final Map<String, DatabaseUrl> targets = new LinkedHashMap<>();
    private Path state;
    private Path project;
    private StdioSession session;

    @BeforeAll
    void start() throws Exception {
        state = Files.createTempDirectory("drydock-state");
        StringBuilder yaml = new StringBuilder("targets:\n");
        for (String name : List.of("norollback", "untested", "prod", "drift", "busy", "locked")) {
            DatabaseUrl url = TestPostgres.exampleDatabaseOnTargetServer();
            targets.put(name, url);
            yaml.append("  ").append(name).append(":\n    url: ").append(ToolHarness.jdbc(url)).append('\n')
                    .append(name.equals("prod") ? "    protected: true\n" : "");
        }
        assertThat(targets.get("prod").hosts()).isNotEqualTo(TestPostgres.admin().hosts());
        project = Projects.copyOfExample();
        Files.writeString(project.resolve("drydock.yaml"), yaml + "defaultTarget: untested\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n" + POLICY);
        session = new StdioSession(project, env(), null);
    }

    @AfterAll
    void stop() {
        if (session != null) {
            session.close();
        }
    }

    private Map<String, String> env() {
        return Map.of("DRYDOCK_STATE_DIR", state.toString());
    }

    @Test
    void rollbackRequiredWhenTheRollbackFileWasDeleted() throws Exception {
        DatabaseUrl target = targets.get("norollback");
        String version = session.prove("add_slug", SLUG_UP, SLUG_DOWN);
        try {
            Path rollback = file("supabase/rollbacks", version);
            Files.delete(rollback);
            TargetProbe.Fingerprint before = fingerprint(target);

            Map<String, Object> refused = session.refused("apply_migration", Map.of("target", "norollback"), "ROLLBACK_REQUIRED");
            assertThat(session.lastText).contains("Migration " + version + "_add_slug has no rollback",
                    "no file supabase/rollbacks/" + version + "_add_slug.sql", "policy.requireRollback");
            assertThat(refused.get("nextSteps").toString()).contains("plan_migration", "drydock test supabase/migrations/"
                    + version + "_add_slug.sql --rollback supabase/rollbacks/" + version + "_add_slug.sql");
            assertThat(fingerprint(target)).isEqualTo(before);

            // The file back, byte for byte: the same call passes every guard.
            Files.writeString(rollback, SLUG_DOWN);
            assertThat(session.ok("apply_migration", Map.of("target", "norollback", "dry_run", true)))
                    .containsEntry("status", "DRY_RUN");
            assertThat(fingerprint(target)).isEqualTo(before);
        } finally {
            forget(version);
        }
    }

    @Test
    void notBranchTestedWhenOneByteOfTheMigrationChanged() throws Exception {
        DatabaseUrl target = targets.get("untested");
        String version = session.prove("add_slug", SLUG_UP, SLUG_DOWN);
        try {
            Path migration = file("supabase/migrations", version);
            byte[] proved = Files.readAllBytes(migration);
            byte[] edited = proved.clone();
            int at = SLUG_UP.indexOf("slug text") + "slug ".length();
            edited[at] = 'T'; // "slug Text": the same meaning to PostgreSQL, not the same bytes
            Files.write(migration, edited);
            TargetProbe.Fingerprint before = fingerprint(target);

            Map<String, Object> refused = session.refused("apply_migration", Map.of("target", "untested"), "NOT_BRANCH_TESTED");
            assertThat(session.lastText).contains("Migration " + version + "_add_slug has no branch evidence",
                    "SHA-256 " + sha256(edited), "Changing one byte", "drydock test supabase/migrations/" + version + "_add_slug.sql");
            assertThat(refused.get("nextSteps").toString()).contains("apply_on_branch");
            assertThat(fingerprint(target)).isEqualTo(before);

            Files.write(migration, proved);
            assertThat(session.ok("apply_migration", Map.of("target", "untested", "dry_run", true)))
                    .containsEntry("status", "DRY_RUN");
            assertThat(fingerprint(target)).isEqualTo(before);
        } finally {
            forget(version);
        }
    }

    @Test
    void blockedPatternOnAProtectedTargetUnlessTheOperatorAllowsIt() throws Exception {
        DatabaseUrl prod = targets.get("prod");
        String create = session.prove("add_scratch", "create table public.scratch (id int);\n", "drop table public.scratch;\n");
        String drop = session.prove("drop_scratch", "drop table public.scratch;\n", "create table public.scratch (id int);\n");
        try {
            TargetProbe.Fingerprint before = fingerprint(prod);
            // Both proved on a branch; the second drops a table, which policy.blocked refuses on protected targets.
            Map<String, Object> refused = session.refused("apply_migration", Map.of("target", "prod", "version", drop),
                    "BLOCKED_PATTERN");
            assertThat(session.lastText).contains("Migration " + drop + "_drop_scratch hits blocked pattern drop-table at line 1",
                    "target 'prod' is protected", "policy.allowInMigrations");
            assertThat(refused.get("nextSteps").toString()).contains("without drop-table");
            assertThat(fingerprint(prod)).isEqualTo(before);
            assertThat(one(prod, "select to_regclass('public.scratch')")).isNull();

            // The operator lists drop-table in policy.allowInMigrations (in drydock.yaml, read at server start):
            // the same call then needs a human's approval instead, and this client cannot give one.
            Path allowing = copyOf(project);
            Files.writeString(allowing.resolve("drydock.yaml"), Files.readString(project.resolve("drydock.yaml"))
                    + "  allowInMigrations: [drop-table]\n");
            try (StdioSession operator = new StdioSession(allowing, env(), null)) {
                operator.refused("apply_migration", Map.of("target", "prod", "version", drop), "APPROVAL_REQUIRED");
                assertThat(operator.lastText).contains("drydock approve", "The target was not changed");
            }
            assertThat(fingerprint(prod)).isEqualTo(before);
        } finally {
            forget(drop);
            forget(create);
        }
    }

    @Test
    void historyDriftWhenAnAppliedMigrationWasEditedAfterwards() throws Exception {
        DatabaseUrl target = targets.get("drift");
        String applied = session.prove("add_summary", "alter table public.posts add column summary text;\n",
                "alter table public.posts drop column summary;\n");
        String next = null;
        try {
            assertThat(session.ok("apply_migration", Map.of("target", "drift"))).containsEntry("status", "APPLIED");
            Path file = file("supabase/migrations", applied);
            Files.writeString(file, "alter table public.posts add column summary varchar(280);\n");
            // The edit changes the history before any later migration: one proved before it would be refused
            // NOT_BRANCH_TESTED first. Proved after it, on a branch built from the edited files, it passes that guard.
            next = session.prove("add_teaser", "alter table public.posts add column teaser text;\n",
                    "alter table public.posts drop column teaser;\n");
            TargetProbe.Fingerprint before = fingerprint(target);

            Map<String, Object> refused = session.refused("apply_migration", Map.of("target", "drift"), "HISTORY_DRIFT");
            assertThat(session.lastText).contains("Target 'drift' and the project disagree",
                    applied + "_add_summary was applied with different statements than its file now holds",
                    "Never edit an applied migration");
            assertThat(refused.get("nextSteps").toString()).contains("list_migrations with target 'drift'");
            assertThat(fingerprint(target)).isEqualTo(before);
            assertThat(column(target, "teaser")).isFalse();
            assertThat(one(target, "select data_type from information_schema.columns where table_schema = 'public' "
                    + "and table_name = 'posts' and column_name = 'summary'")).isEqualTo("text");
        } finally {
            if (next != null) {
                forget(next);
            }
            forget(applied);
        }
    }

    @Test
    void targetBusyWhileAnotherSessionHoldsTheMigrationLock() throws Exception {
        DatabaseUrl target = targets.get("busy");
        String version = session.prove("add_slug", SLUG_UP, SLUG_DOWN);
        try {
            TargetProbe.Fingerprint before = fingerprint(target);
            try (Connection holder = TestPostgres.connect(target); Statement st = holder.createStatement()) {
                st.execute("set application_name = 'other-drydock'");
                st.execute("select pg_advisory_lock(hashtextextended('drydock:migrations', 0))");
                String pid = one(target, "select pid from pg_stat_activity where application_name = 'other-drydock'");

                Map<String, Object> refused = session.refused("apply_migration", Map.of("target", "busy"), "TARGET_BUSY");
                assertThat(session.lastText).contains("Target 'busy' is busy", "session pid " + pid,
                        "application 'other-drydock'", "did not finish within 1 s", "policy.targetLockWait");
                assertThat(refused.get("nextSteps").toString()).contains("list_migrations with target 'busy'");
                assertThat(fingerprint(target)).isEqualTo(before);
            }
            // The holder gone, the same call applies it.
            assertThat(session.ok("apply_migration", Map.of("target", "busy"))).containsEntry("status", "APPLIED");
            assertThat(column(target, "slug")).isTrue();
        } finally {
            forget(version);
        }
    }

    @Test
    void lockTimeoutWhenALongTransactionHoldsTheTable() throws Exception {
        DatabaseUrl target = targets.get("locked");
        String version = session.prove("add_slug", SLUG_UP, SLUG_DOWN);
        try {
            TargetProbe.Fingerprint before = fingerprint(target);
            try (Connection blocker = TestPostgres.connect(target); Statement st = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                st.execute("select count(*) from public.posts"); // ACCESS SHARE until the transaction ends

                Map<String, Object> refused = session.refused("apply_migration", Map.of("target", "locked"), "LOCK_TIMEOUT");
                assertThat(session.lastText).contains("Migration " + version + "_add_slug on target 'locked'",
                        "waited longer than lock_timeout (200 ms)", "on each of 2 tries", "Each try was rolled back",
                        "the target is as it was before this migration", "policy.lockTimeout");
                assertThat(refused.get("nextSteps").toString()).contains("apply_migration again once the blocker is gone");
                // No lock request of the apply is left queued behind the blocker, in front of the application's queries.
                assertThat(one(target, "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                        + "where not l.granted and a.datname = current_database()")).isEqualTo("0");
                blocker.rollback();
            }
            assertThat(fingerprint(target)).isEqualTo(before);
        } finally {
            forget(version);
        }
    }

    /** The project's file of {@code version} in {@code dir}. */
    private Path file(String dir, String version) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve(dir))) {
            return files.filter(p -> p.getFileName().toString().startsWith(version + "_")).findFirst().orElseThrow();
        }
    }

    /** Removes a test's migration and rollback from the shared project, so later tests do not find it pending. */
    private void forget(String version) throws IOException {
        for (String dir : List.of("supabase/migrations", "supabase/rollbacks")) {
            try (Stream<Path> files = Files.list(project.resolve(dir))) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith(version + "_")).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Path copyOf(Path source) throws IOException {
        Path copy = Files.createTempDirectory("drydock-project");
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(p -> !source.relativize(p).toString().startsWith(".drydock")).forEach(p -> {
                try {
                    Path dest = copy.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return copy;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

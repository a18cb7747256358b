package dev.drydock.policy;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.ToolRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.drydock.testing.ToolHarness.conforming;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply_migration, rollback and merge_branch in-process, wired as in production, on real
 * targets: the example project applied (history rows included) on {@code main} and on the
 * protected {@code prod}, both on a second PostgreSQL server; branches on the test cluster. Every guard is provoked, and every
 * refusal and failure is checked to leave the target exactly as it was.
 */
class ApplyMigrationTest {
    private static final String UP = "alter table public.posts add column slug text;\n"
            + "create index posts_slug_idx on public.posts (slug);\n";
    private static final String DOWN = "drop index public.posts_slug_idx;\nalter table public.posts drop column slug;\n";

    private Path project;
    private Path state;
    private DatabaseUrl main;
    private DatabaseUrl prod;
    private ToolHarness tools;

    @BeforeEach
    void start() throws Exception {
        project = Projects.copyOfExample();
        state = Files.createTempDirectory("drydock-state");
        // Targets live on a server of their own, not on the branch server.
        main = TestPostgres.exampleDatabaseOnTargetServer();
        prod = TestPostgres.exampleDatabaseOnTargetServer();
        tools = harness("");
    }

    private ToolHarness harness(String policy) {
        return ToolHarness.fromYaml(project, "targets:\n  main:\n    url: " + ToolHarness.jdbc(main) + "\n"
                + "  prod:\n    url: " + ToolHarness.jdbc(prod) + "\n    protected: true\n"
                + "defaultTarget: main\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n" + policy,
                Map.of("DRYDOCK_STATE_DIR", state.toString()));
    }

    @AfterEach
    void stop() throws Exception {
        tools.close();
    }

    private ToolRunner.Response call(String tool, Map<String, Object> args) {
        return conforming(tool, tools.call(tool, args));
    }

    /** A branch proves the migration; its files are written into the project. Returns the version. */
    private String prove(String name, String up, String down) {
        String branch = "b-" + UUID.randomUUID().toString().substring(0, 8);
        ToolRunner.Response created = call("create_branch", Map.of("name", branch));
        assertThat(created.isError()).as(created.text()).isFalse();
        ToolRunner.Response r = call("apply_on_branch", Map.of("branch", branch, "name", name, "sql", up, "rollback_sql", down));
        assertThat(r.isError()).as(r.text()).isFalse();
        return (String) r.structured().get("version");
    }

    private static String one(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean hasSlug(DatabaseUrl url) throws SQLException {
        return "1".equals(one(url, "select count(*) from information_schema.columns where table_schema = 'public' "
                + "and table_name = 'posts' and column_name = 'slug'"));
    }

    private static String historyCount(DatabaseUrl url) throws SQLException {
        return one(url, "select count(*) from supabase_migrations.schema_migrations");
    }

    @Test
    void appliesWithHistoryRowsThenRollsBackWithTheStoredRollback() throws Exception {
        String version = prove("add_slug", UP, DOWN);
        String before = historyCount(main);

        ToolRunner.Response dry = call("apply_migration", Map.of("dry_run", true));
        assertThat(dry.isError()).as(dry.text()).isFalse();
        assertThat(dry.structured()).containsEntry("status", "DRY_RUN");
        assertThat(dry.text()).contains("add column slug");
        Map<?, ?> planned = (Map<?, ?>) ((List<?>) dry.structured().get("migrations")).get(0);
        assertThat(List.of(planned.get("statements"), planned.get("steps"), planned.get("standaloneSteps")))
                .as("statements, steps, steps outside a transaction").isEqualTo(List.of(2, 1, 0));
        assertThat(hasSlug(main)).isFalse();

        ToolRunner.Response applied = call("apply_migration", Map.of());
        assertThat(applied.isError()).as(applied.text()).isFalse();
        assertThat(applied.structured()).containsEntry("status", "APPLIED");
        assertThat(applied.text()).contains("ROLLBACK_REQUIRED pass", "NOT_BRANCH_TESTED pass", "HISTORY_DRIFT pass");
        assertThat(hasSlug(main)).isTrue();
        assertThat(Integer.parseInt(historyCount(main))).isEqualTo(Integer.parseInt(before) + 1);
        // Written as the Supabase CLI writes it: the statements of the file, one per element.
        assertThat(one(main, "select array_length(statements, 1) || ' ' || name from supabase_migrations.schema_migrations "
                + "where version = '" + version + "'")).isEqualTo("2 add_slug");
        assertThat(one(main, "select state || ' ' || (evidence_id is not null) || ' ' || rollback_sql from drydock.migration_log "
                + "where version = '" + version + "'")).isEqualTo("applied true " + DOWN);
        assertThat(one(main, "select count(*) from drydock.audit_log where record->>'tool' = 'apply_migration'")).isEqualTo("1");
        assertThat(prodUntouched()).isTrue();

        assertThat(call("apply_migration", Map.of()).structured()).containsEntry("status", "NOTHING_PENDING");

        ToolRunner.Response list = call("list_migrations", Map.of());
        assertThat(list.text()).contains(version);

        ToolRunner.Response dryRollback = call("rollback", Map.of());
        assertThat(dryRollback.structured()).containsEntry("status", "DRY_RUN");
        assertThat(dryRollback.text()).contains("drop column slug");
        assertThat(hasSlug(main)).isTrue();

        ToolRunner.Response rolledBack = call("rollback", Map.of("dry_run", false));
        assertThat(rolledBack.isError()).as(rolledBack.text()).isFalse();
        assertThat(rolledBack.structured()).containsEntry("status", "ROLLED_BACK");
        assertThat(hasSlug(main)).isFalse();
        assertThat(historyCount(main)).isEqualTo(before);
        assertThat(one(main, "select state from drydock.migration_log where version = '" + version + "'"))
                .isEqualTo("rolled_back");

        // And forward again: the same evidence still holds for the same files on the same history.
        assertThat(call("apply_migration", Map.of()).structured()).containsEntry("status", "APPLIED");
        assertThat(hasSlug(main)).isTrue();
    }

    private boolean prodUntouched() throws SQLException {
        return !hasSlug(prod);
    }

    @Test
    void refusesAMigrationWithoutRollbackFile() throws Exception {
        String version = prove("add_slug", UP, DOWN);
        Path rollback = rollbackFile(version);
        Files.delete(rollback);
        ToolRunner.Response r = call("apply_migration", Map.of());
        assertThat(r.structured()).containsEntry("code", "ROLLBACK_REQUIRED");
        assertThat(r.text()).contains(version + "_add_slug", "supabase/rollbacks/" + version + "_add_slug.sql");
        assertThat(r.structured().get("nextSteps").toString()).contains("drydock test supabase/migrations/" + version
                + "_add_slug.sql --rollback supabase/rollbacks/" + version + "_add_slug.sql");
        Files.writeString(rollback, "  \n");
        assertThat(call("apply_migration", Map.of()).structured()).containsEntry("code", "ROLLBACK_REQUIRED");
        assertThat(hasSlug(main)).isFalse();
    }

    @Test
    void refusesAMigrationChangedByOneByteSinceItsTest() throws Exception {
        String version = prove("add_slug", UP, DOWN);
        Path file = migrationFile(version);
        Files.writeString(file, Files.readString(file).replace("slug text", "slug  text"));
        ToolRunner.Response r = call("apply_migration", Map.of());
        assertThat(r.structured()).containsEntry("code", "NOT_BRANCH_TESTED");
        assertThat(r.text()).contains("Next step: drydock test");
        // The refusal is audited with the guards that ran: the first passed, the second failed.
        String audit = Files.readAllLines(project.resolve(".drydock/audit.jsonl")).stream()
                .filter(l -> l.contains("\"tool\":\"apply_migration\"")).reduce((a, b) -> b).orElseThrow();
        assertThat(audit).contains("\"decision\":\"refused\"", "\"outcome\":\"NOT_BRANCH_TESTED\"",
                "\"name\":\"ROLLBACK_REQUIRED\",\"result\":\"pass\"", "\"name\":\"NOT_BRANCH_TESTED\",\"result\":\"fail\"",
                "\"target\":\"main\"", version);
        Files.writeString(file, UP);
        Files.writeString(rollbackFile(version), DOWN.replace("drop index", "drop index if exists"));
        assertThat(call("apply_migration", Map.of()).structured()).containsEntry("code", "NOT_BRANCH_TESTED");
        assertThat(hasSlug(main)).isFalse();
    }

    @Test
    void refusesWhenTheTargetHasAVersionTheProjectLacks() throws Exception {
        prove("add_slug", UP, DOWN);
        TestPostgres.execute(main, "insert into supabase_migrations.schema_migrations(version, name, statements) "
                + "values ('20240301090550', 'hotfix', '{}')");
        ToolRunner.Response r = call("apply_migration", Map.of());
        assertThat(r.structured()).containsEntry("code", "HISTORY_DRIFT");
        assertThat(r.text()).contains("20240301090550_hotfix is applied on the target but has no file");
        assertThat(hasSlug(main)).isFalse();
    }

    @Test
    void refusesWhenAnAppliedMigrationWasEdited() throws Exception {
        // The edit changes the history before the new migration, so the new one must be proved again on it.
        Path first = project.resolve("supabase/migrations/20240301090500_create_organization_rpc.sql");
        Files.writeString(first, Files.readString(first) + "\ncomment on schema public is 'edited after apply';\n");
        prove("add_slug", UP, DOWN);
        ToolRunner.Response r = call("apply_migration", Map.of());
        assertThat(r.structured()).containsEntry("code", "HISTORY_DRIFT");
        assertThat(r.text()).contains("20240301090500_create_organization_rpc was applied with different statements");
        assertThat(hasSlug(main)).isFalse();
    }

    @Test
    void protectedTargetsRefuseBlockedPatternsAndNeedApproval() throws Exception {
        prove("add_scratch", "create table public.scratch (id int);\n", "drop table public.scratch;\n");
        prove("drop_scratch", "drop table public.scratch;\n", "create table public.scratch (id int);\n");
        ToolRunner.Response first = call("apply_migration", Map.of("target", "prod"));
        // The first migration is fine but needs a human's yes; the client here cannot be asked.
        assertThat(first.structured()).containsEntry("code", "APPROVAL_REQUIRED");
        assertThat(first.text()).contains("drydock approve");
        assertThat(one(prod, "select to_regclass('public.scratch')")).isNull();

        ToolRunner.Response both = call("apply_migration", Map.of("target", "prod", "version",
                latestVersion()));
        assertThat(both.structured()).containsEntry("code", "BLOCKED_PATTERN");
        assertThat(both.text()).contains("drop-table", "policy.allowInMigrations");

        tools.close();
        tools = harness("policy:\n  allowInMigrations: [drop-table]\n");
        ToolRunner.Response allowed = call("apply_migration", Map.of("target", "prod", "version", latestVersion()));
        assertThat(allowed.structured()).containsEntry("code", "APPROVAL_REQUIRED");
        assertThat(one(prod, "select to_regclass('public.scratch')")).isNull();
    }

    @Test
    void aHumanApprovalInTheTerminalLetsTheSamePlanThrough() throws Exception {
        prove("add_slug", UP, DOWN);
        ToolRunner.Response refused = call("apply_migration", Map.of("target", "prod"));
        assertThat(refused.structured()).containsEntry("code", "APPROVAL_REQUIRED");
        String planId = planIdIn(refused.text());
        // What `drydock approve <plan_id> --yes` does, on the request Drydock stored when it refused.
        Approvals approvals = new Approvals(state, java.time.Clock.systemUTC());
        ApprovalRequest request = approvals.pending(planId).orElseThrow().request();
        approvals.grant(request, "alice", Approval.VIA_TERMINAL, java.time.Duration.ofMinutes(30));

        ToolRunner.Response applied = call("apply_migration", Map.of("target", "prod"));
        assertThat(applied.isError()).as(applied.text()).isFalse();
        assertThat(applied.structured()).containsEntry("approvedBy", "alice").containsEntry("planId", planId);
        String audit = Files.readAllLines(project.resolve(".drydock/audit.jsonl")).stream()
                .filter(l -> l.contains("\"tool\":\"apply_migration\"")).reduce((a, b) -> b).orElseThrow();
        assertThat(audit).contains("\"decision\":\"approved\"", "\"approver\":\"alice\"", "\"planId\":\"" + planId + "\"",
                "\"outcome\":\"ok\"");
        assertThat(one(prod, "select record->>'approver' from drydock.audit_log where tool = 'apply_migration'"))
                .isEqualTo("alice");
        assertThat(hasSlug(prod)).isTrue();
        assertThat(one(prod, "select approved_by from drydock.migration_log where state = 'applied'")).isEqualTo("alice");
    }

    @Test
    void aSecondApplyWaitsForTheTargetLockThenReportsWhoHoldsIt() throws Exception {
        prove("add_slug", UP, DOWN);
        tools.close();
        tools = harness("policy:\n  targetLockWait: 1s\n");
        try (Connection holder = TestPostgres.connect(main); Statement st = holder.createStatement()) {
            st.execute("set application_name = 'other-drydock'");
            st.execute("select pg_advisory_lock(hashtextextended('drydock:migrations', 0))");
            ToolRunner.Response r = call("apply_migration", Map.of());
            assertThat(r.structured()).containsEntry("code", "TARGET_BUSY");
            assertThat(r.text()).contains("application 'other-drydock'");
        }
        assertThat(hasSlug(main)).isFalse();
        assertThat(call("apply_migration", Map.of()).structured()).containsEntry("status", "APPLIED");
    }

    @Test
    void aLockTimeoutIsRetriedThenGivenUpWithTheTargetUnchanged() throws Exception {
        prove("add_slug", UP, DOWN);
        tools.close();
        tools = harness("policy:\n  lockTimeout: 200ms\n  lockRetries: 2\n");
        String before = historyCount(main);
        try (Connection blocker = TestPostgres.connect(main); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("select count(*) from public.posts"); // ACCESS SHARE until the transaction ends
            ToolRunner.Response r = call("apply_migration", Map.of());
            assertThat(r.structured()).containsEntry("code", "LOCK_TIMEOUT");
            assertThat(r.text()).contains("2 tries", "the target is as it was",
                    "Waits: try 1 timed out after 200 ms, then 1000 ms before the next; try 2 timed out after 200 ms.");
            blocker.rollback();
        }
        assertThat(hasSlug(main)).isFalse();
        assertThat(historyCount(main)).isEqualTo(before);

        try (Connection blocker = TestPostgres.connect(main); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("select count(*) from public.posts");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    blocker.rollback();
                } catch (Exception ignored) {
                    // the test fails on its assertions
                }
            });
            release.start();
            ToolRunner.Response r = call("apply_migration", Map.of());
            release.join();
            assertThat(r.isError()).as(r.text()).isFalse();
            assertThat((List<?>) r.structured().get("lockWaits")).isNotEmpty();
        }
        assertThat(hasSlug(main)).isTrue();
    }

    @Test
    void aRollbackThatRunsIntoLockTimeoutSaysSoAndNamesRollbackAsTheNextStep() throws Exception {
        prove("add_slug", UP, DOWN);
        assertThat(call("apply_migration", Map.of()).structured()).containsEntry("status", "APPLIED");
        tools.close();
        tools = harness("policy:\n  lockTimeout: 200ms\n  lockRetries: 2\n");
        try (Connection blocker = TestPostgres.connect(main); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("select count(*) from public.posts");
            ToolRunner.Response r = call("rollback", Map.of("dry_run", false));
            assertThat(r.structured()).containsEntry("code", "LOCK_TIMEOUT");
            assertThat(r.text()).contains("The rollback of ", "the target is as it was before this rollback",
                    "Next step: rollback again once the blocker is gone").doesNotContain("apply_migration");
            blocker.rollback();
        }
        assertThat(hasSlug(main)).isTrue();
    }

    @Test
    void aStatementThatFailsOnTheTargetRollsTheWholeMigrationBack() throws Exception {
        prove("add_slug", UP, DOWN);
        // The target differs from the branch: the index name is taken there.
        TestPostgres.execute(main, "create table public.posts_slug_idx (id int)");
        String before = historyCount(main);
        ToolRunner.Response r = call("apply_migration", Map.of());
        assertThat(r.structured()).containsEntry("code", "MIGRATION_FAILED");
        assertThat(r.text()).contains("statement 2 of 2", "the target is as it was before this migration");
        assertThat(hasSlug(main)).isFalse();
        assertThat(historyCount(main)).isEqualTo(before);
        // Even Drydock's own tables were created in that transaction: nothing of it is left.
        assertThat(one(main, "select to_regclass('drydock.migration_log')")).isNull();
    }

    @Test
    void stepsOutsideATransactionAreRecordedAndAFailedApplyResumesWhereItStopped() throws Exception {
        String up = "create index concurrently posts_created_idx on public.posts (created_at);\n"
                + "create unique index concurrently posts_title_key on public.posts (title);\n";
        String down = "drop index concurrently public.posts_title_key;\ndrop index concurrently public.posts_created_idx;\n";
        String version = prove("index_posts", up, down);
        // On the target two posts share a title: the unique index fails after the first index is built, and is left INVALID.
        TestPostgres.execute(main, "insert into public.posts (organization_id, author_id, title) "
                + "select organization_id, author_id, title from public.posts order by id limit 1");
        Map<?, ?> planned = (Map<?, ?>) ((List<?>) call("apply_migration", Map.of("dry_run", true)).structured().get("migrations")).get(0);
        assertThat(List.of(planned.get("statements"), planned.get("steps"), planned.get("standaloneSteps")))
                .as("statements, steps, steps outside a transaction").isEqualTo(List.of(2, 2, 2));
        ToolRunner.Response failed = call("apply_migration", Map.of());
        assertThat(failed.structured()).containsEntry("code", "MIGRATION_FAILED");
        assertThat(failed.text()).contains("resumes at step 2");
        assertThat(one(main, "select state from drydock.migration_log where version = '" + version + "'")).isEqualTo("applying");
        assertThat(one(main, "select indisvalid from pg_index where indexrelid = to_regclass('public.posts_title_key')"))
                .isEqualTo("f");

        TestPostgres.execute(main, "delete from public.posts where id = (select max(id) from public.posts)");
        ToolRunner.Response resumed = call("apply_migration", Map.of());
        assertThat(resumed.isError()).as(resumed.text()).isFalse();
        Map<?, ?> done = (Map<?, ?>) ((List<?>) resumed.structured().get("done")).get(0);
        assertThat(done.get("stepsResumed")).isEqualTo(1);
        assertThat(one(main, "select indisvalid from pg_index where indexrelid = to_regclass('public.posts_title_key')"))
                .isEqualTo("t");
        assertThat(one(main, "select state from drydock.migration_log where version = '" + version + "'")).isEqualTo("applied");
    }

    @Test
    void mergeBranchWritesMissingFilesAndAppliesThroughTheGuards() throws Exception {
        String branch = "m-" + UUID.randomUUID().toString().substring(0, 8);
        call("create_branch", Map.of("name", branch));
        ToolRunner.Response proved = call("apply_on_branch", Map.of("branch", branch, "name", "add_slug", "sql", UP,
                "rollback_sql", DOWN));
        String version = (String) proved.structured().get("version");
        Files.delete(migrationFile(version));
        Files.delete(rollbackFile(version));

        ToolRunner.Response merged = call("merge_branch", Map.of("branch", branch, "target", "main"));
        assertThat(merged.isError()).as(merged.text()).isFalse();
        assertThat(merged.text()).contains("(written, evidence #");
        assertThat(Files.readString(migrationFile(version))).isEqualTo(UP);
        assertThat(hasSlug(main)).isTrue();

        ToolRunner.Response again = call("merge_branch", Map.of("branch", branch, "target", "main"));
        assertThat(again.isError()).as(again.text()).isFalse();
        assertThat(again.text()).contains("(present, evidence #", "NOTHING_PENDING");
        Files.writeString(migrationFile(version), UP + "-- edited\n");
        assertThat(call("merge_branch", Map.of("branch", branch)).structured()).containsEntry("code", "NOT_BRANCH_TESTED");
    }

    @Test
    void theResultSaysWhenTheProjectsTypesAreStaleAfterTheApply() throws Exception {
        tools.close();
        tools = harness("types:\n  out: src/types/database.ts\n");
        ToolRunner.Response generated = call("generate_types", Map.of("out", "src/types/database.ts"));
        assertThat(generated.isError()).as(generated.text()).isFalse();
        prove("add_slug", UP, DOWN);
        ToolRunner.Response applied = call("apply_migration", Map.of());
        assertThat(applied.isError()).as(applied.text()).isFalse();
        assertThat(applied.structured()).containsEntry("typesStale", true).containsEntry("typesFile", "src/types/database.ts");
        assertThat(applied.text()).contains("Types in src/types/database.ts are now stale");

        call("generate_types", Map.of("out", "src/types/database.ts"));
        ToolRunner.Response rolledBack = call("rollback", Map.of("dry_run", false));
        assertThat(rolledBack.structured()).containsEntry("typesStale", true);
    }

    @Test
    void aDryRunOnAProtectedTargetLeavesTheRequestForDrydockApprove() throws Exception {
        prove("add_slug", UP, DOWN);
        ToolRunner.Response dry = call("apply_migration", Map.of("target", "prod", "dry_run", true));
        assertThat(dry.isError()).as(dry.text()).isFalse();
        String planId = (String) dry.structured().get("planId");
        assertThat(dry.text()).contains("APPROVAL_REQUIRED needs_approval");
        Approvals approvals = new Approvals(state, java.time.Clock.systemUTC());
        approvals.grant(approvals.pending(planId).orElseThrow().request(), "bob", Approval.VIA_CI, java.time.Duration.ofMinutes(5));
        ToolRunner.Response applied = call("apply_migration", Map.of("target", "prod"));
        assertThat(applied.isError()).as(applied.text()).isFalse();
        assertThat(applied.structured()).containsEntry("approvedBy", "bob").containsEntry("planId", planId);
    }

    @Test
    void aDriftedHistoryIsReportedEvenWithNothingPending() throws Exception {
        TestPostgres.execute(main, "insert into supabase_migrations.schema_migrations(version, name, statements) "
                + "values ('20240301090550', 'hotfix', '{}')");
        ToolRunner.Response r = call("apply_migration", Map.of());
        assertThat(r.structured()).containsEntry("code", "HISTORY_DRIFT");
    }

    private String latestVersion() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("supabase/migrations"))) {
            return files.map(p -> p.getFileName().toString().substring(0, 14)).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private Path migrationFile(String version) throws Exception {
        return find("supabase/migrations", version);
    }

    private Path rollbackFile(String version) throws Exception {
        return find("supabase/rollbacks", version);
    }

    private Path find(String dir, String version) throws Exception {
        try (Stream<Path> files = Files.list(project.resolve(dir))) {
            return files.filter(p -> p.getFileName().toString().startsWith(version + "_")).findFirst().orElseThrow();
        }
    }

    private static String planIdIn(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("drydock approve ([0-9a-f]{8,64})").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}

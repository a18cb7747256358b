package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.drydock.e2e.TargetProbe.await;
import static dev.drydock.e2e.TargetProbe.column;
import static dev.drydock.e2e.TargetProbe.fingerprint;
import static dev.drydock.e2e.TargetProbe.one;
import static dev.drydock.e2e.TargetProbe.sessionsOtherThanOurs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarded promotion through the real MCP client on the packaged jar over stdio: a migration proved
 * on a branch goes to a target and back; a protected target waits for a human, asked through
 * {@code drydock approve} or in the client's elicitation form; and a server killed with SIGKILL in
 * the middle of an apply leaves the target exactly as it was. Targets are databases on a second
 * PostgreSQL server, branches on the test cluster (the branch server); approvals live in a
 * temporary $DRYDOCK_STATE_DIR shared with the CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionStdioIT {
    private static final String SLUG_UP = "alter table public.posts add column slug text;\n"
            + "create index posts_slug_idx on public.posts (slug);\n";
    private static final String SLUG_DOWN = "drop index public.posts_slug_idx;\nalter table public.posts drop column slug;\n";
    private static final Pattern APPROVE = Pattern.compile("drydock approve ([0-9a-f]{64})");

    private Path state;
    private DatabaseUrl main;
    private DatabaseUrl prod;
    private Path project;

    @BeforeAll
    void project() throws Exception {
        state = Files.createTempDirectory("drydock-state");
        // Targets live on a PostgreSQL server of their own, as they would in production: not the branch server's.
        main = TestPostgres.exampleDatabaseOnTargetServer();
        prod = TestPostgres.exampleDatabaseOnTargetServer();
        assertThat(main.hosts()).isNotEqualTo(TestPostgres.admin().hosts());
        project = projectOn("targets:\n  main:\n    url: " + ToolHarness.jdbc(main) + "\n"
                + "  prod:\n    url: " + ToolHarness.jdbc(prod) + "\n    protected: true\n");
    }

    /** A copy of the example whose drydock.yaml names {@code targets} (main the default), branches on the branch server. */
    private static Path projectOn(String targets) throws Exception {
        Path dir = Projects.copyOfExample();
        Files.writeString(dir.resolve("drydock.yaml"), targets + "defaultTarget: main\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
        return dir;
    }

    @Test
    @Order(1)
    void appliesAProvedMigrationWithProgressThenRollsItBack() throws Exception {
        try (StdioSession s = session(project, null)) {
            String version = s.prove("add_slug", SLUG_UP, SLUG_DOWN);
            String history = one(main, "select count(*) from supabase_migrations.schema_migrations");

            Map<String, Object> dry = s.ok("apply_migration", Map.of("dry_run", true));
            assertThat(dry).containsEntry("status", "DRY_RUN").containsEntry("target", "main");
            assertThat((List<?>) dry.get("migrations")).singleElement().satisfies(m -> assertThat(m).extracting(
                    "version", "statements", "steps", "standaloneSteps").containsExactly(version, 2, 1, 0));
            assertThat((String) dry.get("sql")).isEqualTo(SLUG_UP);
            assertThat(column(main, "slug")).isFalse();

            Map<String, Object> applied = s.ok("apply_migration", Map.of());
            assertThat(applied).containsEntry("status", "APPLIED").containsEntry("protectedTarget", false);
            assertThat((List<?>) applied.get("migrations")).extracting("version").containsExactly(version);
            assertThat(column(main, "slug")).isTrue();
            assertThat(one(main, "select name from supabase_migrations.schema_migrations where version = '" + version + "'"))
                    .isEqualTo("add_slug");
            assertThat(one(main, "select state from drydock.migration_log where version = '" + version + "'")).isEqualTo("applied");
            String token = s.lastToken;
            await("a progress notification per statement", () -> s.progressMessages(token).size() >= 2);
            assertThat(s.progressMessages(token)).anySatisfy(m -> assertThat(m).contains(version + "_add_slug: statement 1 of 2"))
                    .anySatisfy(m -> assertThat(m).contains(version + "_add_slug: statement 2 of 2"));

            assertThat(state(s.ok("list_migrations", Map.of()), version)).isEqualTo("applied");

            Map<String, Object> dryRollback = s.ok("rollback", Map.of());
            assertThat(dryRollback).containsEntry("status", "DRY_RUN").containsEntry("action", "rollback");
            assertThat(column(main, "slug")).isTrue();

            assertThat(s.ok("rollback", Map.of("dry_run", false))).containsEntry("status", "ROLLED_BACK");
            assertThat(column(main, "slug")).isFalse();
            assertThat(one(main, "select count(*) from supabase_migrations.schema_migrations")).isEqualTo(history);
            assertThat(state(s.ok("list_migrations", Map.of()), version)).isEqualTo("pending");
            assertThat(column(prod, "slug")).isFalse();
        }
    }

    @Test
    @Order(2)
    void withoutElicitationAProtectedTargetWaitsForDrydockApprove() throws Exception {
        try (StdioSession s = session(project, null)) {
            Map<String, Object> refused = s.refused("apply_migration", Map.of("target", "prod"), "APPROVAL_REQUIRED");
            String text = s.lastText;
            assertThat(text).contains("this client cannot ask for one", "The target was not changed");
            Matcher m = APPROVE.matcher(text);
            assertThat(m.find()).as(text).isTrue();
            String planId = m.group(1);
            assertThat(refused.get("nextSteps").toString()).contains("drydock approve " + planId);
            assertThat(column(prod, "slug")).isFalse();

            approveOnTheCommandLine(planId);

            Map<String, Object> applied = s.ok("apply_migration", Map.of("target", "prod"));
            assertThat(applied).containsEntry("status", "APPLIED").containsEntry("protectedTarget", true)
                    .containsEntry("planId", planId).containsEntry("approvedVia", "ci")
                    .containsEntry("approvedBy", System.getProperty("user.name"));
            assertThat(column(prod, "slug")).isTrue();
            assertThat(one(prod, "select approved_by from drydock.migration_log where state = 'applied'"))
                    .isEqualTo(System.getProperty("user.name"));
        }
    }

    /** {@code drydock approve PLAN --yes} on the packaged jar, no terminal (the CI path), same state directory. */
    private void approveOnTheCommandLine(String planId) throws Exception {
        try (JarProcess cli = JarProcess.start(List.of("approve", planId, "--yes"), Map.of("DRYDOCK_STATE_DIR", state.toString()))) {
            cli.process().getOutputStream().close();
            String out = new String(cli.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(Duration.ofSeconds(60))).as(out + cli.stderr()).isZero();
            assertThat(out).contains("Target:      prod (protected)", "(ci)");
        }
    }

    @Test
    @Order(3)
    void withElicitationTheHumanApprovesOrDeclinesInTheClientsForm() throws Exception {
        Deque<ElicitResult> answers = new ConcurrentLinkedDeque<>(List.of(
                new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("approve", true, "approver", "Ann")),
                new ElicitResult(ElicitResult.Action.DECLINE, null)));
        List<ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        try (StdioSession s = session(project, req -> {
            asked.add(req);
            return answers.pop();
        })) {
            String summary = s.prove("add_summary", "alter table public.posts add column summary text;\n",
                    "alter table public.posts drop column summary;\n");
            Map<String, Object> applied = s.ok("apply_migration", Map.of("target", "prod"));
            assertThat(applied).containsEntry("status", "APPLIED").containsEntry("approvedVia", "elicitation")
                    .containsEntry("approvedBy", "Ann");
            assertThat(column(prod, "summary")).isTrue();
            assertThat(asked).singleElement().satisfies(q -> assertThat(q.message()).contains("protected target 'prod'",
                    "Target:      prod (protected)", summary + "_add_summary", "Risk:        " + applied.get("risk") + "/100",
                    "Locks:       " + String.join("; ", strings(applied.get("locks"))), (String) applied.get("planId")));
            assertThat(strings(applied.get("locks"))).isNotEmpty();

            s.prove("add_teaser", "alter table public.posts add column teaser text;\n",
                    "alter table public.posts drop column teaser;\n");
            String history = one(prod, "select count(*) from supabase_migrations.schema_migrations");
            s.refused("apply_migration", Map.of("target", "prod"), "APPROVAL_REQUIRED");
            assertThat(s.lastText).contains("the human declined it", "The target was not changed");
            Matcher declined = APPROVE.matcher(s.lastText);
            assertThat(declined.find()).as(s.lastText).isTrue();
            assertThat(state.resolve("approvals").resolve(declined.group(1) + ".json")).as("no approval stored").doesNotExist();
            assertThat(state.resolve("requests").resolve(declined.group(1) + ".json")).as("left for drydock approve").exists();
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1).message()).contains("_add_teaser");
            assertThat(column(prod, "teaser")).isFalse();
            assertThat(one(prod, "select count(*) from supabase_migrations.schema_migrations")).isEqualTo(history);
        }
    }

    @Test
    @Order(4)
    void aServerKilledInTheMiddleOfAnApplyLeavesTheTargetAsItWas() throws Exception {
        DatabaseUrl target = TestPostgres.exampleDatabaseOnTargetServer();
        Path crashProject = projectOn("targets:\n  main:\n    url: " + ToolHarness.jdbc(target) + "\n");
        String version;
        try (StdioSession s = session(crashProject, null)) {
            // The branch cycle runs it up, down and up again: it takes its time there too, and passes.
            version = s.prove("slow_note", "alter table public.posts add column note text;\nselect pg_sleep(4);\n",
                    "alter table public.posts drop column note;\n");
        }
        TargetProbe.Fingerprint before = fingerprint(target);

        StdioSession doomed = session(crashProject, null);
        try {
            CompletableFuture<CallToolResult> call = CompletableFuture.supplyAsync(() -> doomed.call("apply_migration", Map.of()));
            int[] backend = new int[1];
            await("the apply's transaction to reach pg_sleep on the target", () -> {
                backend[0] = sleepingBackend(target);
                return backend[0] != 0;
            });
            // Statement 1 ran in the open transaction: invisible from outside.
            assertThat(column(target, "note")).isFalse();
            doomed.server.destroyForcibly();
            doomed.server.onExit().get(60, TimeUnit.SECONDS);
            // Its backends end when they next touch their sockets; the one in pg_sleep, once the sleep is over.
            await("backend " + backend[0] + " and every other session of the killed server to end",
                    () -> sessionsOtherThanOurs(target) == 0);
            assertThat(call.isDone() && !call.isCompletedExceptionally()).as("a killed server answered").isFalse();
            call.cancel(true);
        } finally {
            doomed.client.close();
        }
        assertThat(fingerprint(target)).isEqualTo(before);

        try (StdioSession s = session(crashProject, null)) {
            assertThat(s.ok("apply_migration", Map.of())).containsEntry("status", "APPLIED");
        }
        assertThat(column(target, "note")).isTrue();
        assertThat(one(target, "select state from drydock.migration_log where version = '" + version + "'")).isEqualTo("applied");
    }

    private static int sleepingBackend(DatabaseUrl url) {
        try {
            String pid = one(url, "select pid from pg_stat_activity where datname = current_database() and state = 'active' "
                    + "and query like '%pg_sleep(4)%' and pid <> pg_backend_pid()");
            return pid == null ? 0 : Integer.parseInt(pid);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(Map<String, Object> listed, String version) {
        return ((List<?>) listed.get("migrations")).stream().map(m -> (Map<?, ?>) m).filter(m -> version.equals(m.get("version")))
                .map(m -> (String) m.get("state")).findFirst().orElseThrow();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private StdioSession session(Path dir, Function<ElicitFormRequest, ElicitResult> human) {
        return new StdioSession(dir, Map.of("DRYDOCK_STATE_DIR", state.toString()), human);
    }
}

package dev.drydock.policy;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.ToolRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply_migration under concurrency, contention and interruption, on a target on its own server:
 * ten concurrent applies of one migration, a long transaction holding the table, and a concurrent
 * index build cancelled mid-way. The target must end exactly once migrated, never half.
 */
class PromotionUnderPressureTest {
    private Path project;
    private DatabaseUrl main;
    private ToolHarness tools;

    @BeforeEach
    void start() {
        project = Projects.copyOfExample();
        main = TestPostgres.exampleDatabaseOnTargetServer();
    }

    private void harness(String policy) throws Exception {
        if (tools != null) {
            tools.close();
        }
        tools = ToolHarness.fromYaml(project, "targets:\n  main:\n    url: " + ToolHarness.jdbc(main) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n" + policy);
    }

    @AfterEach
    void stop() throws Exception {
        tools.close();
    }

    private String prove(String name, String up, String down) {
        String branch = "p-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(tools.call("create_branch", Map.of("name", branch)).isError()).isFalse();
        ToolRunner.Response r = tools.call("apply_on_branch", Map.of("branch", branch, "name", name, "sql", up,
                "rollback_sql", down));
        assertThat(r.isError()).as(r.text()).isFalse();
        return (String) r.structured().get("version");
    }

    private String one(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(main); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void tenConcurrentAppliesOfOneMigrationApplyItExactlyOnce() throws Exception {
        harness("policy:\n  targetLockWait: 60s\n");
        String version = prove("add_slug", "alter table public.posts add column slug text;\n"
                + "update public.posts set slug = lower(title);\n", "alter table public.posts drop column slug;\n");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ToolRunner.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return tools.call("apply_migration", Map.of("version", version));
            }));
        }
        go.countDown();
        int applied = 0;
        for (Future<ToolRunner.Response> f : calls) {
            ToolRunner.Response r = f.get(5, TimeUnit.MINUTES);
            if (r.isError()) {
                // Waiting too long is the only acceptable failure; PostgreSQL must never be heard from.
                assertThat(r.structured()).as(r.text()).containsEntry("code", "TARGET_BUSY");
            } else if ("APPLIED".equals(r.structured().get("status"))) {
                applied++;
            } else {
                assertThat(r.structured()).as(r.text()).containsEntry("status", "NOTHING_PENDING");
            }
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(1);
        assertThat(one("select count(*) from supabase_migrations.schema_migrations where version = '" + version + "'"))
                .isEqualTo("1");
        assertThat(one("select count(*) from drydock.migration_log where version = '" + version + "'")).isEqualTo("1");
        assertThat(one("select count(*) from public.posts where slug is null")).isEqualTo("0");
    }

    @Test
    void aLongTransactionOnTheTableMakesTheApplyWaitRetryAndLeaveNoQueueBehind() throws Exception {
        harness("policy:\n  lockTimeout: 300ms\n  lockRetries: 3\n");
        prove("add_slug", "alter table public.posts add column slug text;\n", "alter table public.posts drop column slug;\n");
        try (Connection blocker = TestPostgres.connect(main); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("select count(*) from public.posts");
            ExecutorService app = Executors.newSingleThreadExecutor();
            Future<ToolRunner.Response> apply = app.submit(() -> tools.call("apply_migration", Map.of()));
            // The application's reads keep working while the apply waits: each wait ends at lock_timeout, so a
            // read queued behind the apply's ACCESS EXCLUSIVE request is released within it.
            int reads = 0;
            while (!apply.isDone()) {
                try (Connection reader = TestPostgres.connect(main); Statement r = reader.createStatement()) {
                    r.execute("set statement_timeout = '5s'");
                    r.execute("select count(*) from public.posts");
                    reads++;
                }
            }
            ToolRunner.Response r = apply.get();
            app.shutdown();
            assertThat(r.structured()).as(r.text()).containsEntry("code", "LOCK_TIMEOUT");
            assertThat(r.text()).contains("3 tries", "the target is as it was");
            assertThat(reads).isPositive();
            // Nothing of the apply is left waiting on the table.
            assertThat(one("select count(*) from pg_locks where not granted")).isEqualTo("0");
            assertThat(one("select count(*) from pg_stat_activity where application_name = 'drydock-apply' "
                    + "and wait_event_type = 'Lock'")).isEqualTo("0");
            blocker.rollback();
        }
        assertThat(one("select count(*) from information_schema.columns where table_name = 'posts' and column_name = 'slug'"))
                .isEqualTo("0");
    }

    @Test
    void aConcurrentIndexBuildInterruptedMidBuildIsResumed() throws Exception {
        harness("");
        TestPostgres.execute(main, "insert into public.posts (organization_id, author_id, title, body) "
                + "select organization_id, author_id, 'bulk ' || g, repeat('x', 200) from public.posts, generate_series(1, 200000) g "
                + "where posts.id = (select min(id) from public.posts)");
        String version = prove("index_posts_body", "create index concurrently posts_body_idx on public.posts (body, title);\n",
                "drop index concurrently public.posts_body_idx;\n");
        // Cancel the build as soon as it runs, from another session, as an operator or a failover would.
        ExecutorService canceller = Executors.newSingleThreadExecutor();
        Future<Boolean> cancelled = canceller.submit(() -> {
            for (int i = 0; i < 6000; i++) {
                String pid = one("select pid from pg_stat_activity where application_name = 'drydock-apply' "
                        + "and query ilike 'create index concurrently posts_body_idx%' and state = 'active'");
                if (pid != null) {
                    return "t".equals(one("select pg_cancel_backend(" + pid + ")"));
                }
                Thread.sleep(5);
            }
            return false;
        });
        ToolRunner.Response interrupted = tools.call("apply_migration", Map.of());
        canceller.shutdown();
        assertThat(cancelled.get()).isTrue();
        assertThat(interrupted.structured()).as(interrupted.text()).containsEntry("code", "MIGRATION_FAILED");
        assertThat(one("select state from drydock.migration_log where version = '" + version + "'")).isEqualTo("applying");
        assertThat(one("select indisvalid from pg_index where indexrelid = to_regclass('public.posts_body_idx')")).isEqualTo("f");

        ToolRunner.Response resumed = tools.call("apply_migration", Map.of());
        assertThat(resumed.isError()).as(resumed.text()).isFalse();
        assertThat(one("select indisvalid from pg_index where indexrelid = to_regclass('public.posts_body_idx')")).isEqualTo("t");
        assertThat(one("select state from drydock.migration_log where version = '" + version + "'")).isEqualTo("applied");
        assertThat(one("select count(*) from supabase_migrations.schema_migrations where version = '" + version + "'"))
                .isEqualTo("1");
    }
}

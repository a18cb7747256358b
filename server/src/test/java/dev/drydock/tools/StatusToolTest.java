package dev.drydock.tools;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusToolTest {

    @Test
    @SuppressWarnings("unchecked")
    void reportsProjectTargetsAndPendingMigrations() throws Exception {
        DatabaseUrl applied = TestPostgres.exampleDatabase();
        DatabaseUrl empty = TestPostgres.emptyDatabase();
        Path project = Projects.copyOfExample();
        String yaml = "targets:\n  dev:\n    url: " + ToolHarness.jdbc(applied) + "\n  fresh:\n    url: "
                + ToolHarness.jdbc(empty) + "\n    protected: true\n";
        try (ToolHarness tools = ToolHarness.fromYaml(project, yaml)) {
            var r = tools.call("status", Map.of());
            assertThat(r.isError()).as(r.text()).isFalse();
            Map<String, Object> p = (Map<String, Object>) r.structured().get("project");
            assertThat(p).containsEntry("layout", "supabase").containsEntry("migrations", 6).containsEntry("rollbacks", 6)
                    .containsEntry("migrationsDir", "supabase/migrations").containsEntry("seedFile", "supabase/seed.sql");
            List<Map<String, Object>> targets = (List<Map<String, Object>>) r.structured().get("targets");
            assertThat(targets.get(0)).containsEntry("name", "dev").containsEntry("reachable", true)
                    .containsEntry("appliedMigrations", 6).containsEntry("pendingMigrations", 0)
                    .containsEntry("protected", false).containsEntry("readsAsSuperuser", true);
            assertThat(targets.get(0).get("serverVersion").toString()).startsWith("17");
            assertThat(targets.get(1)).containsEntry("name", "fresh").containsEntry("protected", true)
                    .containsEntry("appliedMigrations", 0).containsEntry("pendingMigrations", 6);
            assertThat(r.structured().get("warnings")).asList()
                    .anySatisfy(w -> assertThat(w.toString()).contains("reads as a superuser").contains("targets.dev.readUrl"));
            assertThat(r.text()).contains("dev (default)").contains("fresh [protected]");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void readUrlRoleIsUsedForReadsAndSilencesTheSuperuserWarning() throws Exception {
        DatabaseUrl db = TestPostgres.exampleDatabase();
        TestPostgres.execute(db, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN "
                        + "CREATE ROLE reader LOGIN PASSWORD 'reader-Pw-77'; END IF; END $$",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
        DatabaseUrl reader = new DatabaseUrl(db.hosts(), db.database(), "reader", "reader-Pw-77", Map.of());
        String yaml = "targets:\n  main:\n    url: " + ToolHarness.jdbc(db) + "\n    readUrl: " + ToolHarness.jdbc(reader) + "\n";
        try (ToolHarness tools = ToolHarness.fromYaml(Projects.withConfig(null), yaml)) {
            var who = tools.call("execute_sql", Map.of("sql", "select current_user"));
            assertThat(who.structured().get("rows").toString()).isEqualTo("[[reader]]");
            var status = tools.call("status", Map.of());
            Map<String, Object> main = ((List<Map<String, Object>>) status.structured().get("targets")).get(0);
            assertThat(main).containsEntry("readsAsSuperuser", false);
            assertThat(main.get("readUrl").toString()).contains("reader:***@").doesNotContain("reader-Pw-77");
            assertThat(status.structured().get("warnings")).asList().isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void unreachableTargetIsReportedWithoutItsPassword() throws Exception {
        String yaml = "targets:\n  gone:\n    url: postgres://admin:Very-Secret-42@127.0.0.1:1/app\n";
        try (ToolHarness tools = ToolHarness.fromYaml(Projects.withConfig(null), yaml)) {
            var r = tools.call("status", Map.of());
            Map<String, Object> gone = ((List<Map<String, Object>>) r.structured().get("targets")).get(0);
            assertThat(gone).containsEntry("reachable", false).containsKey("error");
            assertThat(gone.get("url")).isEqualTo("postgres://admin:***@127.0.0.1:1/app");
            assertThat(r.text()).contains("UNREACHABLE").doesNotContain("Very-Secret-42");
            assertThat(r.structured().toString()).doesNotContain("Very-Secret-42");
            var sql = tools.call("execute_sql", Map.of("sql", "select 1"));
            assertThat(sql.structured()).containsEntry("code", "TARGET_UNREACHABLE");
            assertThat(sql.text()).doesNotContain("Very-Secret-42");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void connectionFailuresFailFastWithPostgresOwnReason() throws Exception {
        DatabaseUrl db = TestPostgres.exampleDatabase();
        DatabaseUrl missing = db.withDatabase("no_such_db");
        String yaml = "targets:\n  gone:\n    url: " + ToolHarness.jdbc(missing) + "\n  main:\n    url: "
                + ToolHarness.jdbc(db) + "\n    readUrl: " + ToolHarness.jdbc(new DatabaseUrl(db.hosts(), db.database(),
                "nobody", "x", Map.of())) + "\n";
        try (ToolHarness tools = ToolHarness.fromYaml(Projects.withConfig(null), yaml)) {
            var sql = tools.call("execute_sql", Map.of("sql", "select 1", "target", "gone"));
            assertThat(sql.structured()).containsEntry("code", "TARGET_UNREACHABLE").containsEntry("sqlState", "3D000");
            assertThat(sql.text()).contains("database \"no_such_db\" does not exist").doesNotContain("timed out");
            var status = tools.call("status", Map.of());
            List<Map<String, Object>> targets = (List<Map<String, Object>>) status.structured().get("targets");
            assertThat(targets.get(1)).containsEntry("name", "main").containsEntry("reachable", true)
                    .doesNotContainKey("readsAsSuperuser");
            assertThat(status.structured().get("warnings")).asList()
                    .anySatisfy(w -> assertThat(w.toString()).contains("'main' is reachable, but its readUrl is not"));
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(90)
    void aServerThatAcceptsButNeverAnswersIsReportedNotWaitedForForever() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(h -> {
                        try {
                            h.close();
                        } catch (java.io.IOException ignored) {
                            // test teardown
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String yaml = "targets:\n  silent:\n    url: postgres://u:p@127.0.0.1:" + silent.getLocalPort() + "/db\n";
            try (ToolHarness tools = ToolHarness.fromYaml(Projects.withConfig(null), yaml)) {
                var r = tools.call("execute_sql", Map.of("sql", "select 1"));
                assertThat(r.structured()).containsEntry("code", "TARGET_UNREACHABLE");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRoleThatCannotReadTheHistoryLeavesTheTargetReachableWithAWarning() throws Exception {
        DatabaseUrl db = TestPostgres.exampleDatabase();
        TestPostgres.execute(db, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nohist') THEN "
                + "CREATE ROLE nohist LOGIN PASSWORD 'NoHist-Pw-5'; END IF; END $$");
        DatabaseUrl limited = new DatabaseUrl(db.hosts(), db.database(), "nohist", "NoHist-Pw-5", Map.of());
        try (ToolHarness tools = ToolHarness.on(limited, null)) {
            var r = tools.call("status", Map.of());
            Map<String, Object> main = ((List<Map<String, Object>>) r.structured().get("targets")).get(0);
            assertThat(main).containsEntry("reachable", true).doesNotContainKey("appliedMigrations");
            assertThat(r.structured().get("warnings")).asList().anySatisfy(w -> assertThat(w.toString())
                    .contains("migration history").contains("permission denied"));
        }
    }

    @Test
    void secretsEchoedByPostgresAreRedacted() throws Exception {
        DatabaseUrl db = TestPostgres.exampleDatabase();
        TestPostgres.execute(db, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'owner_pw') THEN "
                + "CREATE ROLE owner_pw LOGIN SUPERUSER PASSWORD 'Owner-Secret-9'; END IF; END $$");
        DatabaseUrl withPassword = new DatabaseUrl(db.hosts(), db.database(), "owner_pw", "Owner-Secret-9", Map.of());
        try (ToolHarness tools = ToolHarness.on(withPassword, null)) {
            var r = tools.call("execute_sql", Map.of("sql", "select 'Owner-Secret-9'::int"));
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).contains("invalid input syntax").doesNotContain("Owner-Secret-9");
            assertThat(r.structured().toString()).doesNotContain("Owner-Secret-9");
            var rows = tools.call("execute_sql", Map.of("sql", "select 'Owner-Secret-9' as leaked"));
            assertThat(rows.text() + rows.structured()).doesNotContain("Owner-Secret-9");
        }
    }
}

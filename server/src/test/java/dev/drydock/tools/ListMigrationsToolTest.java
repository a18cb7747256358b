package dev.drydock.tools;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.mcp.ToolSpec;
import dev.drydock.migrate.Checksums;
import dev.drydock.migrate.TargetHistory;
import dev.drydock.migrate.TargetLog;
import dev.drydock.testing.SmallProject;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.drydock.testing.SmallProject.A;
import static dev.drydock.testing.SmallProject.B;
import static dev.drydock.testing.SmallProject.C;
import static org.assertj.core.api.Assertions.assertThat;

/** list_migrations and TargetHistory against a real target, every success checked against the outputSchema. */
class ListMigrationsToolTest {

    private static ToolHarness harness(SmallProject p, DatabaseUrl target) {
        return ToolHarness.fromYaml(p.root(), "targets:\n  main:\n    url: " + ToolHarness.jdbc(target) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
    }

    static ToolRunner.Response conforming(ToolRunner.Response r) {
        assertThat(r.isError()).as(r.text()).isFalse();
        ToolSpec spec = ToolSpec.load("list_migrations", McpJsonDefaults.getMapper());
        var check = McpJsonDefaults.getSchemaValidator().validate(spec.outputSchema(), r.structured());
        assertThat(check.valid()).as("structuredContent %s breaks the outputSchema: %s", r.structured(), check.errorMessage())
                .isTrue();
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> byVersion(ToolRunner.Response r) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        ((List<Map<String, Object>>) r.structured().get("migrations")).forEach(m -> out.put((String) m.get("version"), m));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> nextSteps(ToolRunner.Response r) {
        return (List<String>) r.structured().get("nextSteps");
    }

    @Test
    void aTargetWithNoHistoryHasEveryFilePending() throws Exception {
        SmallProject p = SmallProject.create();
        try (ToolHarness tools = harness(p, TestPostgres.emptyDatabase())) {
            ToolRunner.Response r = conforming(tools.call("list_migrations", Map.of()));
            assertThat(r.structured()).containsEntry("target", "main").containsEntry("migrationsDirectory", "supabase/migrations")
                    .containsEntry("counts", Map.of("applied", 0, "pending", 3, "missing_locally", 0, "drifted", 0));
            assertThat(byVersion(r)).containsOnlyKeys(A, B, C);
            assertThat(byVersion(r).get(B)).containsEntry("state", "pending").containsEntry("applied", false)
                    .containsEntry("local", true).containsEntry("rollbackPresent", true).containsEntry("branchTested", false)
                    .containsEntry("file", "supabase/migrations/" + B + "_add_name.sql")
                    .containsEntry("rollbackFile", "supabase/rollbacks/" + B + "_add_name.sql")
                    .doesNotContainKeys("appliedAt", "appliedBy", "evidenceId");
            assertThat(nextSteps(r)).hasSize(3).allSatisfy(s -> assertThat(s).contains("drydock test supabase/migrations/"));
            assertThat(r.text()).startsWith("Target 'main': 0 applied, 3 pending, 0 missing locally, 0 drifted")
                    .contains("VERSION").contains(B + "  add_name").contains("Next step: ");
        }
    }

    @Test
    void appliedDriftedMissingAndOutOfOrderVersionsSideBySide() throws Exception {
        SmallProject p = SmallProject.create();
        DatabaseUrl target = TestPostgres.emptyDatabase();
        p.markApplied(target, A, C);
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("insert into supabase_migrations.schema_migrations (version, name, statements) "
                    + "values ('20241231000000', 'gone', '{\"select 1\"}')");
        }
        Files.writeString(p.migration(C), "create index on " + p.table() + " (name, id);\n", StandardOpenOption.APPEND);
        try (ToolHarness tools = harness(p, target)) {
            ToolRunner.Response r = conforming(tools.call("list_migrations", Map.of("target", "main")));
            assertThat(r.structured()).containsEntry("counts", Map.of("applied", 1, "pending", 1, "missing_locally", 1, "drifted", 1));
            Map<String, Map<String, Object>> m = byVersion(r);
            assertThat(m.keySet()).containsExactly("20241231000000", A, B, C);
            assertThat(m.get("20241231000000")).containsEntry("state", "missing_locally").containsEntry("name", "gone")
                    .containsEntry("local", false).containsEntry("rollbackPresent", false).doesNotContainKeys("file", "rollbackFile");
            assertThat(m.get(A)).containsEntry("state", "applied").containsEntry("drifted", false);
            assertThat(m.get(B)).containsEntry("state", "pending");
            assertThat(m.get(C)).containsEntry("state", "drifted").containsEntry("applied", true).containsEntry("drifted", true);
            assertThat(nextSteps(r)).anySatisfy(s -> assertThat(s).contains(C + "_index_name.sql changed after it was applied")
                            .contains("HISTORY_DRIFT"))
                    .anySatisfy(s -> assertThat(s).contains("version 20241231000000 is applied on 'main' but has no file"))
                    .anySatisfy(s -> assertThat(s).startsWith("version " + B + " is older than " + C));
            assertThat(r.text()).contains("1 applied, 1 pending, 1 missing locally, 1 drifted").contains("missing_locally");
        }
        try (Connection c = TestPostgres.connect(target)) {
            TargetHistory h = TargetHistory.read(c, p.layout(), null);
            assertThat(h.newestApplied()).isEqualTo(C);
            assertThat(h.pending()).extracting(f -> f.version()).containsExactly(B);
            assertThat(h.outOfOrder()).extracting(f -> f.version()).containsExactly(B);
            assertThat(h.drifted()).extracting(TargetHistory.Entry::version).containsExactly(C);
            assertThat(h.missingLocally()).extracting(TargetHistory.Entry::version).containsExactly("20241231000000");
        }
    }

    @Test
    void statementsDecideDriftWithoutALogRowAndTheChecksumDecidesWithOne() throws Exception {
        SmallProject p = SmallProject.create();
        DatabaseUrl target = TestPostgres.emptyDatabase();
        p.markApplied(target, A, B);
        String original = Files.readString(p.migration(A));
        // White space around statements is not part of what the Supabase CLI records: no drift.
        Files.writeString(p.migration(A), "\n" + original + "\n\n");
        // An older CLI recorded no statements: nothing to compare, so no drift either.
        Files.writeString(p.migration(B), Files.readString(p.migration(B)) + "select 1;\n");
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("update supabase_migrations.schema_migrations set statements = null where version = '" + B + "'");
            assertThat(TargetHistory.read(c, p.layout(), null).drifted()).isEmpty();
            TargetLog.ensureTables(c);
            try (PreparedStatement ps = c.prepareStatement("insert into drydock.migration_log (version, name, state, up_sha256, "
                    + "rollback_sha256, rollback_sql, evidence_id, applied_by) values (?, ?, 'applied', ?, 'r', 'select 1', 42, 'ci')")) {
                ps.setString(1, A);
                ps.setString(2, "create_table");
                ps.setString(3, Checksums.sha256(original));
                ps.executeUpdate();
            }
        }
        try (ToolHarness tools = harness(p, target)) {
            Map<String, Map<String, Object>> m = byVersion(conforming(tools.call("list_migrations", Map.of())));
            assertThat(m.get(A)).containsEntry("state", "drifted").containsEntry("appliedBy", "ci").containsEntry("evidenceId", 42L)
                    .containsKey("appliedAt");
            assertThat(m.get(B)).containsEntry("state", "applied").doesNotContainKey("appliedBy");
            Files.writeString(p.migration(A), original);
            assertThat(byVersion(conforming(tools.call("list_migrations", Map.of()))).get(A)).containsEntry("state", "applied");
        }
    }

    @Test
    void aHistoryTableWithoutStatementsOrNameStillListsWhatIsApplied() throws Exception {
        SmallProject p = SmallProject.create();
        DatabaseUrl target = TestPostgres.emptyDatabase();
        try (Connection c = TestPostgres.connect(target); Statement st = c.createStatement()) {
            st.execute("create schema supabase_migrations");
            st.execute("create table supabase_migrations.schema_migrations (version text primary key)");
            st.execute("insert into supabase_migrations.schema_migrations values ('" + A + "'), ('20200101000000')");
        }
        try (ToolHarness tools = harness(p, target)) {
            ToolRunner.Response r = conforming(tools.call("list_migrations", Map.of()));
            assertThat(byVersion(r).get(A)).containsEntry("state", "applied");
            assertThat(byVersion(r).get("20200101000000")).containsEntry("state", "missing_locally").doesNotContainKey("name");
            assertThat(r.text()).contains("20200101000000  -");
        }
    }

    @Test
    void rollbackPresentNeedsANonBlankRollbackFile() throws Exception {
        SmallProject p = SmallProject.create();
        Files.delete(p.rollback(A));
        Files.writeString(p.rollback(B), "  \n");
        try (ToolHarness tools = harness(p, TestPostgres.emptyDatabase())) {
            ToolRunner.Response r = conforming(tools.call("list_migrations", Map.of()));
            Map<String, Map<String, Object>> m = byVersion(r);
            assertThat(m.get(A)).containsEntry("rollbackPresent", false).doesNotContainKey("rollbackFile");
            assertThat(m.get(B)).containsEntry("rollbackPresent", false).containsEntry("rollbackFile",
                    "supabase/rollbacks/" + B + "_add_name.sql");
            assertThat(m.get(C)).containsEntry("rollbackPresent", true);
            assertThat(nextSteps(r)).anySatisfy(s -> assertThat(s).startsWith("supabase/migrations/" + A
                    + "_create_table.sql has no rollback: write supabase/rollbacks/" + A + "_create_table.sql"));
            assertThat(r.text()).contains("NO");
        }
    }

    @Test
    void refusesABranchAndAnUnknownTarget() throws Exception {
        SmallProject p = SmallProject.create();
        try (ToolHarness tools = harness(p, TestPostgres.emptyDatabase())) {
            ToolRunner.Response branch = tools.call("list_migrations", Map.of("branch", "x"));
            assertThat(branch.isError()).isTrue();
            assertThat(branch.structured()).containsEntry("code", "NOT_AVAILABLE");
            ToolRunner.Response unknown = tools.call("list_migrations", Map.of("target", "prod"));
            assertThat(unknown.structured()).containsEntry("code", "UNKNOWN_TARGET");
        }
    }
}

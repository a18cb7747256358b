package dev.drydock.migrate;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.ToolRunner;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** plan_migration through the tool, as agents call it, on real PostgreSQL targets. */
class PlanMigrationTest {
    static final String UNREACHABLE = "postgres://nobody@127.0.0.1:1/none";

    static DatabaseUrl notesWithRows() {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, "create table public.notes (id bigint primary key, body text not null default '', "
                        + "author text)",
                "insert into public.notes select g, repeat('x', 100), 'a' from generate_series(1, 50000) g",
                "analyze public.notes");
        return db;
    }

    static ToolRunner.Response plan(ToolHarness tools, Map<String, Object> args) {
        ToolRunner.Response r = tools.call("plan_migration", args);
        assertThat(r.isError()).as(r.text()).isFalse();
        return r;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void aTypicalMigrationHasEveryOperationFieldFromTheAnalyzerAndTheTarget() throws Exception {
        try (ToolHarness tools = ToolHarness.on(notesWithRows(), null)) {
            var r = plan(tools, Map.of("target", "main", "sql", """
                    alter table public.notes add column org_id bigint;
                    create index notes_org_idx on public.notes (org_id);
                    create policy "notes by org" on public.notes for select to authenticated using (org_id = 1);
                    """));
            List<Map<String, Object>> ops = list(r.structured(), "operations");
            assertThat(ops).extracting("type").containsExactly("add-column", "create-index", "create-policy");
            assertThat(ops).extracting("object")
                    .containsExactly("public.notes.org_id", "public.notes_org_idx", "public.notes.notes by org");
            assertThat(ops).extracting("statement_index").containsExactly(0, 1, 2);
            assertThat(ops).extracting("line").containsExactly(1, 2, 3);
            assertThat(ops.get(0)).containsEntry("lock", Map.of("mode", "ACCESS EXCLUSIVE", "on", List.of("public.notes")))
                    .containsEntry("lockingBehavior", "brief").containsEntry("rewritesTable", false)
                    .containsEntry("scansTable", false).containsEntry("transactional", true)
                    .containsEntry("reversible", true).containsEntry("dataImpact", "none").containsEntry("riskLevel", "LOW")
                    .containsEntry("estimateBasis", "catalog-only");
            assertThat(number(ops.get(0).get("estimatedSeconds"))).isZero();
            assertThat(ops.get(1)).containsEntry("lock", Map.of("mode", "SHARE", "on", List.of("public.notes")))
                    .containsEntry("lockingBehavior", "exclusive").containsEntry("scansTable", true)
                    .containsEntry("dataImpact", "read").containsEntry("riskLevel", "MEDIUM")
                    .containsEntry("estimateBasis", "target");
            assertThat(number(ops.get(1).get("estimatedSeconds"))).isPositive();
            assertThat(ops.get(2)).containsEntry("lockingBehavior", "brief").containsEntry("riskLevel", "LOW");
            assertThat(r.structured()).containsEntry("target", "main").containsEntry("ok", true)
                    .containsEntry("pgVersion", 17).containsEntry("statementCount", 3);
            assertThat(list(r.structured(), "findings")).extracting("rule").contains("require-concurrent-index");
            assertThat(list(r.structured(), "findings")).allSatisfy(f -> assertThat((String) f.get("fix")).isNotBlank());
            Map<String, Object> rollback = map(r.structured(), "rollbackPlan");
            assertThat((String) rollback.get("sql")).contains("DROP POLICY \"notes by org\" ON public.notes;",
                    "DROP INDEX public.notes_org_idx;", "ALTER TABLE public.notes DROP COLUMN org_id;");
            assertThat(r.text()).startsWith("Plan: 3 statement(s), overall risk ").contains("plan_id " + r.structured().get("plan_id"));
        }
    }

    @Test
    void estimatesComeFromTheTargetsRealSizes() throws Exception {
        DatabaseUrl db = notesWithRows();
        long heap;
        long total;
        try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_relation_size('public.notes'), pg_total_relation_size('public.notes')")) {
            rs.next();
            heap = rs.getLong(1);
            total = rs.getLong(2);
        }
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            var r = plan(tools, Map.of("target", "main", "sql", """
                    alter table public.notes alter column author type varchar(20);
                    alter table public.notes alter column author set not null;
                    update public.notes set author = 'b';
                    """));
            List<Map<String, Object>> ops = list(r.structured(), "operations");
            assertThat(number(ops.get(0).get("estimatedSeconds"))).isEqualTo(Math.ceil(total / 100e6 * 100) / 100);
            assertThat(number(ops.get(1).get("estimatedSeconds"))).isEqualTo(Math.ceil(heap / 200e6 * 100) / 100);
            Map<String, Object> table = list(map(r.structured(), "estimates"), "tables").get(0);
            assertThat(table).containsEntry("table", "public.notes").containsEntry("bytes", heap);
            assertThat(number(table.get("rows"))).isCloseTo(50_000, within(2_500.0));
            assertThat(number(ops.get(2).get("estimatedSeconds"))).isCloseTo(0.5, within(0.03));
            assertThat(ops).extracting("lockingBehavior").containsExactly("exclusive", "exclusive", "exclusive");
            assertThat(map(r.structured(), "riskAssessment")).containsEntry("dataLoss", true);
        }
    }

    @Test
    void withoutAReachableDefaultTargetThePlanSaysSoAndUsesFingerprintNone() throws Exception {
        String yaml = "targets:\n  prod:\n    url: " + UNREACHABLE + "\n";
        try (ToolHarness tools = ToolHarness.fromYaml(Projects.withConfig(null), yaml)) {
            String sql = "alter table public.notes alter column body set default 'x';\nalter table public.notes add column c int;";
            var r = plan(tools, Map.of("sql", sql));
            assertThat(r.structured()).containsEntry("target", null).containsEntry("schemaFingerprint", "none");
            assertThat((List<String>) r.structured().get("notes")).anySatisfy(n -> assertThat(n)
                    .contains("default target 'prod' could not be read").contains("TARGET_UNREACHABLE"));
            Map<String, Object> rollback = map(r.structured(), "rollbackPlan");
            assertThat((String) rollback.get("sql")).contains("-- TODO: old default of public.notes.body unknown without a target");
            assertThat(rollback).containsEntry("complete", false);
            assertThat(list(rollback, "steps").get(0)).containsEntry("status", "needs-target");
            assertThat(list(r.structured(), "operations").get(1)).containsEntry("estimateBasis", "catalog-only");
            assertThat(r.structured().get("plan_id"))
                    .isEqualTo(PlanId.of(sql, (String) rollback.get("sql"), "none", "none"));
            var named = tools.call("plan_migration", Map.of("sql", sql, "target", "prod"));
            assertThat(named.isError()).isTrue();
            assertThat(named.structured()).containsEntry("code", "TARGET_UNREACHABLE");
        }
    }

    @Test
    void planIdIsStableAndChangesWithUpRollbackTargetAndSchema() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, "create table public.t (id bigint primary key)");
        String yaml = "targets:\n  a:\n    url: " + ToolHarness.jdbc(db) + "\n  b:\n    url: " + ToolHarness.jdbc(db) + "\n";
        try (ToolHarness tools = ToolHarness.fromYaml(Projects.withConfig(null), yaml)) {
            String sql = "alter table public.t add column c int;";
            Object id = plan(tools, Map.of("sql", sql, "target", "a")).structured().get("plan_id");
            assertThat((String) id).matches("[0-9a-f]{64}");
            assertThat(plan(tools, Map.of("sql", sql, "target", "a")).structured().get("plan_id")).isEqualTo(id);
            assertThat(plan(tools, Map.of("sql", sql)).structured().get("plan_id")).as("a is the default").isEqualTo(id);
            assertThat(plan(tools, Map.of("sql", sql + " ", "target", "a")).structured().get("plan_id")).isNotEqualTo(id);
            assertThat(plan(tools, Map.of("sql", sql, "target", "b")).structured().get("plan_id")).isNotEqualTo(id);
            assertThat(plan(tools, Map.of("sql", sql, "target", "a", "rollback_sql", "alter table public.t drop column c;"))
                    .structured().get("plan_id")).isNotEqualTo(id);
            TestPostgres.execute(db, "create table public.other (id int)");
            assertThat(plan(tools, Map.of("sql", sql, "target", "a")).structured().get("plan_id")).isNotEqualTo(id);
        }
    }
}

package dev.drydock.tools;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.mcp.ToolSpec;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanMigrationToolTest {

    @Test
    void badArgumentsAreRefusedWithANextStep() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.emptyDatabase(), null)) {
            new ToolRunnerAssert(tools.call("plan_migration", Map.of())).refused("INVALID_ARGUMENT").messageContains("`sql`");
            new ToolRunnerAssert(tools.call("plan_migration", Map.of("sql", "  \n"))).refused("INVALID_ARGUMENT");
            new ToolRunnerAssert(tools.call("plan_migration", Map.of("sql", "-- only a comment\n/* and another */")))
                    .refused("INVALID_ARGUMENT").messageContains("holds no SQL statement");
            new ToolRunnerAssert(tools.call("plan_migration", Map.of("sql", "select 1", "rollback_sql", " ")))
                    .refused("INVALID_ARGUMENT").messageContains("rollback_sql");
            new ToolRunnerAssert(tools.call("plan_migration", Map.of("sql", "select 1", "sql_typo", 1, "target", "nope")))
                    .refused("UNKNOWN_TARGET");
            var r = tools.call("plan_migration", Map.of("sql", 5));
            new ToolRunnerAssert(r).refused("INVALID_ARGUMENT");
            assertThat(r.text()).contains("Next step: plan_migration");
        }
    }

    @Test
    void structuredContentMatchesTheOutputSchemaInEveryShape() throws Exception {
        Map<String, Object> schema = ToolSpec.load("plan_migration", McpJsonDefaults.getMapper()).outputSchema();
        var validator = McpJsonDefaults.getSchemaValidator();
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, "create table public.t (id bigint primary key, a text)");
        String unreachable = "targets:\n  gone:\n    url: postgres://nobody@127.0.0.1:1/none\n";
        try (ToolHarness tools = ToolHarness.on(db, null);
             ToolHarness offline = ToolHarness.fromYaml(Projects.withConfig(null), unreachable)) {
            var plans = new ToolRunner.Response[] {
                    tools.call("plan_migration", Map.of("sql", "alter table t add column b int;\ncreate index on t (b);")),
                    tools.call("plan_migration", Map.of("sql", "create policy p on u using (true);\ncreate table u (id int);",
                            "rollback_sql", "drop table u;")),
                    tools.call("plan_migration", Map.of("sql", "drop table t;\nfrobnicate;\nupdate t set a = 'x';")),
                    offline.call("plan_migration", Map.of("sql", "alter table t alter column a set default 'x';"))};
            for (ToolRunner.Response r : plans) {
                assertThat(r.isError()).as(r.text()).isFalse();
                var check = validator.validate(schema, r.structured());
                assertThat(check.valid()).as("%s\n%s", check.errorMessage(), r.structured()).isTrue();
            }
            var broken = new java.util.LinkedHashMap<>(plans[0].structured());
            broken.put("operations", java.util.List.of(Map.of("type", "x")));
            assertThat(validator.validate(schema, broken).valid()).as("the check can fail").isFalse();
            assertThat(plans[3].structured()).containsKey("target").containsEntry("target", null);
            assertThat(plans[2].structured()).containsEntry("ok", false);
            assertThat(plans[2].text()).contains("Blocked patterns hit: [drop-table at line 1");
        }
    }
}

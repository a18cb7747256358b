package dev.drydock.tools;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidateSqlToolTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(ToolRunner.Response r) {
        return (List<Map<String, Object>>) r.structured().get("findings");
    }

    private static Map<String, Object> finding(ToolRunner.Response r, String rule) {
        return findings(r).stream().filter(f -> f.get("rule").equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not in " + r.text()));
    }

    @Test
    void findingsCarryRuleSeverityPositionObjectAndFix() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.emptyDatabase(), null)) {
            var r = tools.call("validate_sql", Map.of("sql", "drop table public.legacy;\nalter table orders\n  alter column status set not null;"));
            assertThat(r.isError()).as(r.text()).isFalse();
            assertThat(r.structured()).containsEntry("ok", false).containsEntry("statementCount", 2);
            Map<String, Object> drop = finding(r, "drop-table");
            assertThat(drop).containsEntry("severity", "error").containsEntry("line", 1).containsEntry("column", 1)
                    .containsEntry("object", "public.legacy").containsEntry("statement_index", 0);
            assertThat((String) drop.get("fix")).isNotBlank();
            assertThat(finding(r, "set-not-null-scan")).containsEntry("line", 3).containsEntry("column", 3)
                    .containsEntry("object", "public.orders.status");
            assertThat(r.structured().get("blocked")).asList().extracting("rule").contains("drop-table");
            assertThat(r.text()).contains("sql:1:1: error drop-table:").contains("    fix: ");
        }
    }

    @Test
    void largeInputAnswersCompactlyWithFindingsCapped() throws Exception {
        StringBuilder sql = new StringBuilder();
        while (sql.length() < 1_000_000) {
            sql.append("alter table public.orders add column c").append(sql.length()).append(" varchar(20);\n");
        }
        try (ToolHarness tools = ToolHarness.on(TestPostgres.emptyDatabase(), null)) {
            var r = tools.call("validate_sql", Map.of("sql", sql.toString(), "max_findings", 50));
            assertThat(findings(r)).hasSize(50);
            assertThat((Integer) r.structured().get("findingsOmitted")).isGreaterThan(10_000);
            assertThat(r.text().length()).isLessThan(60_000);
        }
    }

    @Test
    void pathReadsProjectFilesInOrderAndRefusesPathsOutsideIt() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.emptyDatabase(), null)) {
            Path project = projectOf(tools);
            Path dir = Files.createDirectories(project.resolve("migrations"));
            Files.writeString(dir.resolve("001_a.sql"), "create table private.t (id bigint primary key, name varchar(10));");
            Files.writeString(dir.resolve("002_b.sql"), "alter table private.t alter column name type text;\n"
                    + "alter table private.t alter column id type integer;");
            var r = tools.call("validate_sql", Map.of("path", "migrations"));
            assertThat(r.structured().get("files")).asList().containsExactly("migrations/001_a.sql", "migrations/002_b.sql");
            // the type of name is known from 001: varchar(10) -> text needs no rewrite; bigint -> integer does
            assertThat(findings(r)).filteredOn(f -> f.get("rule").equals("column-type-rewrite"))
                    .extracting("object").containsExactly("private.t.id");
            var outside = tools.call("validate_sql", Map.of("path", "../../etc"));
            assertThat(outside.isError()).isTrue();
            assertThat(outside.structured().get("code")).isEqualTo("INVALID_ARGUMENT");
            var neither = tools.call("validate_sql", Map.of());
            assertThat(neither.structured().get("code")).isEqualTo("INVALID_ARGUMENT");
        }
    }

    private static Path projectOf(ToolHarness tools) throws Exception {
        var r = tools.call("status", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> project = (Map<String, Object>) r.structured().get("project");
        return Path.of((String) project.get("root"));
    }

    @Test
    void targetSizesLowerOrRaiseRiskAndExistingIndexesAndRlsCount() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db,
                "create table small (id bigint primary key, user_id bigint, status text)",
                "insert into small select g, g, 'x' from generate_series(1, 50) g",
                "analyze small",
                "create table big (id bigint primary key, org_id bigint, status text)",
                "create index big_org_idx on big (org_id)",
                "alter table big enable row level security",
                "alter table big add constraint big_status_nn check (status is not null)",
                "update pg_class set reltuples = 5000000 where relname = 'big'");
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            String sql = "create index small_status_idx on small (status);\n"
                    + "alter table big add constraint big_status_check check (status <> '');\n"
                    + "alter table big add constraint big_org_fk foreign key (org_id) references small (id) not valid;\n"
                    + "alter table small add constraint small_user_fk foreign key (user_id) references big (id) not valid;\n"
                    + "alter table big alter column status set not null;";
            var without = tools.call("validate_sql", Map.of("sql", sql));
            assertThat(finding(without, "require-concurrent-index")).containsEntry("severity", "warning");
            assertThat(finding(without, "constraint-missing-not-valid")).containsEntry("severity", "warning");
            assertThat(findings(without)).extracting("rule").doesNotContain("fk-without-index").contains("set-not-null-scan");

            var with = tools.call("validate_sql", Map.of("sql", sql, "target", "main"));
            assertThat(with.structured()).containsEntry("target", "main").containsEntry("pgVersion", 17);
            assertThat(finding(with, "require-concurrent-index")).containsEntry("severity", "info");
            assertThat((String) finding(with, "require-concurrent-index").get("message")).contains("about 50 rows");
            assertThat(finding(with, "constraint-missing-not-valid")).containsEntry("severity", "error");
            assertThat(findings(with)).as("the target's validated CHECK (status IS NOT NULL) proves the column")
                    .extracting("rule").doesNotContain("set-not-null-scan");
            assertThat(findings(with)).filteredOn(f -> f.get("rule").equals("fk-without-index"))
                    .extracting("object").containsExactly("public.small.user_id");
        }
    }

    @Test
    void pgVersionChangesVersionAwareRules() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.emptyDatabase(), null)) {
            String sql = "alter table public.orders add column note text default 'none';\nalter type public.mood add value 'meh';";
            var pg10 = tools.call("validate_sql", Map.of("sql", sql, "pg_version", 10));
            assertThat(findings(pg10)).extracting("rule").contains("volatile-default", "enum-value-in-transaction");
            var pg17 = tools.call("validate_sql", Map.of("sql", sql));
            assertThat(findings(pg17)).extracting("rule").doesNotContain("volatile-default", "enum-value-in-transaction");
        }
    }

    @Test
    void operatorSeveritiesAndIgnoreComments() throws Exception {
        String yaml = "policy:\n  rules:\n    drop-column: error\n    prefer-text: off\n";
        try (ToolHarness tools = ToolHarness.on(TestPostgres.emptyDatabase(), yaml)) {
            var r = tools.call("validate_sql", Map.of("sql", "alter table orders drop column a;\n"
                    + "-- drydock:ignore drop-column backed up to s3 on 2026-11-01\nalter table orders drop column b;\n"
                    + "-- drydock:ignore drop-table\nalter table orders add column c varchar(3);"));
            assertThat(findings(r)).filteredOn(f -> f.get("rule").equals("drop-column")).singleElement()
                    .satisfies(f -> assertThat(f).containsEntry("severity", "error").containsEntry("line", 1));
            assertThat(findings(r)).extracting("rule").contains("invalid-ignore").doesNotContain("prefer-text");
        }
    }

    @Test
    void unknownRuleIdInPolicyIsAConfigurationError() {
        assertThatThrownBy(() -> ToolHarness.on(TestPostgres.emptyDatabase(), "policy:\n  rules:\n    drop-tabel: off\n"))
                .hasMessageContaining("drop-tabel").hasMessageContaining("not a rule id");
        assertThatThrownBy(() -> ToolHarness.on(TestPostgres.emptyDatabase(), "policy:\n  rules:\n    drop-table: never\n"))
                .hasMessageContaining("must be error, warning, info or off");
        assertThatThrownBy(() -> ToolHarness.on(TestPostgres.emptyDatabase(), "policy:\n  blocked: drop-table\n"))
                .hasMessageContaining("must be a list");
    }
}

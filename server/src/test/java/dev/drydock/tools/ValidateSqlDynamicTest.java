package dev.drydock.tools;

import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** validate_sql's dynamic check on a scratch clone of the example project, with the test cluster as branch server. */
class ValidateSqlDynamicTest {
    private static ToolHarness tools;

    @BeforeAll
    static void start() {
        String yaml = "targets:\n  main:\n    url: " + ToolHarness.jdbc(TestPostgres.exampleDatabase()) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n";
        tools = ToolHarness.fromYaml(Projects.copyOfExample(), yaml);
    }

    @AfterAll
    static void stop() throws Exception {
        tools.close();
    }

    private static ToolRunner.Response validate(String sql) {
        ToolRunner.Response r = tools.call("validate_sql", Map.of("sql", sql));
        assertThat(r.isError()).as(r.text()).isFalse();
        assertThat(dynamic(r)).as(r.text()).containsEntry("ran", true);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dynamic(ToolRunner.Response r) {
        return (Map<String, Object>) r.structured().get("dynamic");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(ToolRunner.Response r, String rule) {
        return ((List<Map<String, Object>>) r.structured().get("findings")).stream()
                .filter(f -> f.get("rule").equals(rule)).toList();
    }

    @Test
    void misspeltColumnIsASemanticErrorAtPostgresPosition() {
        ToolRunner.Response r = validate("-- list posts\nselect id,\n       titel from public.posts;");
        List<Map<String, Object>> errors = findings(r, "semantic-error");
        assertThat(errors).as(r.text()).hasSize(1);
        assertThat(errors.get(0)).containsEntry("severity", "error").containsEntry("line", 3).containsEntry("column", 8)
                .containsEntry("statement_index", 0);
        assertThat((String) errors.get(0).get("message")).contains("titel").contains("42703");
        assertThat(r.text()).contains("sql:3:8: error semantic-error: PostgreSQL: column \"titel\" does not exist");
    }

    @Test
    void syntaxErrorOnlyPostgresSeesIsASyntaxError() {
        String sql = "alter table public.posts\n  add column subtitle text,;";
        assertThat(findings(tools.call("validate_sql", Map.of("sql", sql, "dynamic", false)), "syntax-error")).isEmpty();
        ToolRunner.Response r = validate(sql);
        List<Map<String, Object>> errors = findings(r, "syntax-error");
        assertThat(errors).as(r.text()).hasSize(1);
        // "at end of input": just past the statement's last token, where its semicolon stands
        assertThat(errors.get(0)).containsEntry("line", 2).containsEntry("column", 28);
        assertThat((String) errors.get(0).get("message")).startsWith("PostgreSQL: syntax error at end of input")
                .contains("42601");
    }

    @Test
    void tablesTheProjectHistoryCreatedAreThere() {
        ToolRunner.Response r = validate("alter table public.posts add column subtitle text;\n"
                + "update public.posts set subtitle = title where id is not null;");
        assertThat(findings(r, "semantic-error")).as(r.text()).isEmpty();
        assertThat(findings(r, "syntax-error")).isEmpty();
        assertThat(dynamic(r)).containsEntry("executed", 2).containsEntry("notExecuted", 0);
        assertThat((String) dynamic(r).get("database")).startsWith("scratch clone of 20240301090500 (drydock_scratch_");
    }

    @Test
    void theScratchCloneIsUnchangedAfterwards() throws Exception {
        String sql = "create table public.dynamic_probe (id bigint primary key);\ndrop table public.posts cascade;";
        ToolRunner.Response first = validate(sql);
        assertThat(findings(first, "semantic-error")).as(first.text()).isEmpty();
        ToolRunner.Response second = validate(sql);
        assertThat(findings(second, "semantic-error")).as("created and dropped again: " + second.text()).isEmpty();
        Matcher m = Pattern.compile("\\((drydock_scratch_\\w+)\\)").matcher((String) dynamic(second).get("database"));
        assertThat(m.find()).isTrue();
        try (Connection c = TestPostgres.connect(TestPostgres.admin().withDatabase(m.group(1)));
             ResultSet rs = c.createStatement().executeQuery(
                     "select to_regclass('public.dynamic_probe') is null, to_regclass('public.posts') is not null")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("dynamic_probe is gone").isTrue();
            assertThat(rs.getBoolean(2)).as("posts is still there").isTrue();
        }
    }

    @Test
    void statementsThatCannotRunInATransactionOrReachOutsideAreNotExecuted() {
        ToolRunner.Response r = validate("create index concurrently posts_nothing_idx on public.posts (no_such_column);\n"
                + "copy public.posts to program 'cat > /tmp/drydock-probe';\n"
                + "create database drydock_dynamic_probe;");
        assertThat(findings(r, "semantic-error")).as(r.text()).isEmpty();
        assertThat(dynamic(r)).containsEntry("executed", 0).containsEntry("notExecuted", 3);
        assertThat(dynamic(r).get("skipped")).asList().extracting("reason").asString()
                .contains("cannot run in a transaction").contains("not plain DDL or DML");
        assertThat(r.text()).contains("not executed: sql:1: create-index cannot run in a transaction");
    }

    @Test
    void ignoreCommentsAndLaterFailuresBehaveAsForStaticFindings() {
        ToolRunner.Response r = validate("-- drydock:ignore semantic-error the view is created by hand on staging\n"
                + "select * from public.hand_made_view;\n"
                + "create table public.t2 (id bigint primary key, owner uuid references public.nobody (id));\n"
                + "insert into public.t2 (id) values (1);");
        assertThat(findings(r, "unused-ignore")).isEmpty();
        assertThat(findings(r, "semantic-error")).extracting("line").containsExactly(3, 4);
    }

    @Test
    void offByDefaultWithoutABranchServerAndSaysSo() throws Exception {
        try (ToolHarness plain = ToolHarness.on(TestPostgres.emptyDatabase(), null)) {
            ToolRunner.Response r = plain.call("validate_sql", Map.of("sql", "select titel from public.posts;"));
            assertThat(dynamic(r)).containsEntry("requested", false).containsEntry("ran", false);
            assertThat((String) dynamic(r).get("reason")).contains("dynamic: true");
            assertThat(r.text()).doesNotContain("Dynamic check");
        }
    }
}

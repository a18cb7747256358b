package dev.drydock.cli;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.drydock.lint.Finding;
import dev.drydock.lint.LintOptions;
import dev.drydock.lint.LintPolicy;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Linter;
import dev.drydock.lint.Rule;
import dev.drydock.lint.Severity;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.tools.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SARIF log is valid against the official SARIF 2.1.0 schema and carries what code scanning needs. */
class SarifReportTest {
    private static StatementAnalyzer analyzer;
    private static Schema schema;

    @BeforeAll
    static void setUp() throws Exception {
        analyzer = new StatementAnalyzer();
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            assertThat(in).as("sarif-schema-2.1.0.json on the test classpath").isNotNull();
            JsonNode schemaNode = Json.mapper().readTree(in);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaNode);
        }
    }

    @AfterAll
    static void tearDown() {
        analyzer.close();
    }

    private static LintResult lint(String file, String sql) {
        return new Linter(analyzer, LintPolicy.defaults()).lint(List.of(new Linter.Source(file, sql)),
                LintOptions.defaults());
    }

    private static JsonNode sarif(List<Finding> findings) {
        Map<String, Object> log = SarifReport.build(findings);
        JsonNode node = Json.mapper().valueToTree(log);
        List<Error> errors = schema.validate(node);
        assertThat(errors).as("SARIF schema violations").isEmpty();
        return node;
    }

    @Test
    void findingsBecomeValidResults() {
        String sql = "select 1;\n\n  drop table x;\nalter table t rename column a to b;\n";
        LintResult result = lint("supabase/migrations/20240101000000_init.sql", sql);
        assertThat(result.findings()).extracting(Finding::rule).contains("drop-table", "rename-column");

        JsonNode log = sarif(result.findings());
        assertThat(log.path("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asString()).isEqualTo("Drydock");
        assertThat(driver.path("rules").size()).isEqualTo(Rule.values().length);

        JsonNode drop = null;
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asString().equals("drop-table")) {
                drop = r;
            }
            int index = r.path("ruleIndex").asInt();
            assertThat(driver.path("rules").get(index).path("id").asString()).isEqualTo(r.path("ruleId").asString());
            JsonNode loc = r.path("locations").get(0).path("physicalLocation");
            assertThat(loc.path("region").path("startLine").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(loc.path("region").path("startColumn").asInt()).isGreaterThanOrEqualTo(1);
        }
        assertThat(drop).isNotNull();
        assertThat(drop.path("level").asString()).isEqualTo("error");
        assertThat(drop.path("message").path("text").asString()).contains(" Fix: ");
        JsonNode location = drop.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asString())
                .isEqualTo("supabase/migrations/20240101000000_init.sql");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(3);
        assertThat(location.path("region").path("startColumn").asInt()).isEqualTo(3);
    }

    @Test
    void levelsMapToSarifLevels() {
        Finding warning = new Finding("rename-column", Severity.WARNING, "m", "f", "a\\b c.sql", 0, 0, 0, null);
        Finding info = new Finding("prefer-text", Severity.INFO, "m", "f", null, 0, 2, 5, null);
        JsonNode results = sarif(List.of(warning, info)).path("runs").get(0).path("results");
        assertThat(results.get(0).path("level").asString()).isEqualTo("warning");
        JsonNode first = results.get(0).path("locations").get(0).path("physicalLocation");
        assertThat(first.path("artifactLocation").path("uri").asString()).isEqualTo("a/b%20c.sql");
        assertThat(first.path("region").path("startLine").asInt()).isEqualTo(1);
        assertThat(results.get(1).path("level").asString()).isEqualTo("note");
        assertThat(results.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation")
                .path("uri").asString()).isEqualTo("stdin.sql");
        JsonNode rules = sarif(List.of()).path("runs").get(0).path("tool").path("driver").path("rules");
        assertThat(rules.get(Rule.DROP_TABLE.ordinal()).path("defaultConfiguration").path("level").asString())
                .isEqualTo("error");
        assertThat(rules.get(Rule.PREFER_TEXT.ordinal()).path("defaultConfiguration").path("level").asString())
                .isEqualTo("note");
    }

    @Test
    void theSchemaRejectsABrokenLog() {
        JsonNode broken = Json.mapper().valueToTree(Map.of("version", "2.1.0", "runs",
                List.of(Map.of("results", List.of()))));
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    /** Columns are counted as the lexer counts them, in UTF-16 code units, and the log says so. */
    @Test
    @SuppressWarnings("unchecked")
    void columnsAreUtf16CodeUnitsAsDeclared() {
        String sql = "select '\uD83D\uDE00'; alter table public.orders drop column legacy;";
        try (dev.drydock.sql.StatementAnalyzer analyzer = new dev.drydock.sql.StatementAnalyzer()) {
            List<Finding> findings = new Linter(analyzer, LintPolicy.defaults())
                    .lint(List.of(new Linter.Source("t.sql", sql)), LintOptions.defaults())
                    .findings().stream().filter(f -> f.rule().equals("drop-column")).toList();
            Map<String, Object> run = ((List<Map<String, Object>>) SarifReport.build(findings).get("runs")).get(0);
            assertThat(run.get("columnKind")).isEqualTo("utf16CodeUnits");
            Map<String, Object> result = ((List<Map<String, Object>>) run.get("results")).get(0);
            Map<String, Object> physical = (Map<String, Object>) ((List<Map<String, Object>>) result.get("locations")).get(0)
                    .get("physicalLocation");
            assertThat(((Map<String, Object>) physical.get("region")).get("startColumn")).isEqualTo(sql.indexOf("drop column") + 1);
        }
    }
}

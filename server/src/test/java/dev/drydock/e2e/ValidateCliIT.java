package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drydock validate} from the packaged jar: compiler-style text, JSON, SARIF and exit codes. */
class ValidateCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path dir;
    private static Path clean;
    private static Path dropTable;
    private static Path warningOnly;

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(String... args) throws Exception {
        try (JarProcess drydock = JarProcess.start(List.of(args), Map.of())) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(90));
            return new Run(exit, out, drydock.stderr());
        }
    }

    @BeforeAll
    static void files() throws Exception {
        dir = Files.createTempDirectory("drydock-validate");
        clean = Files.writeString(dir.resolve("clean.sql"),
                "create table public.notes (id bigint generated always as identity primary key, body text not null);\n"
                        + "alter table public.notes enable row level security;\n"
                        + "create policy \"Users read notes\" on public.notes for select to authenticated using (true);\n"
                        .replace("using (true)", "using ((select auth.uid()) is not null)"));
        dropTable = Files.writeString(dir.resolve("drop.sql"), "drop table x;\n");
        warningOnly = Files.writeString(dir.resolve("rename.sql"), "alter table public.notes rename column body to text_body;\n");
    }

    @Test
    void aCleanFileExitsWithZero() throws Exception {
        Run run = run("validate", "--project", dir.toString(), clean.toString());
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("3 statements, 0 errors");
    }

    @Test
    void anErrorPrintsLikeACompilerAndExitsWithOne() throws Exception {
        Run run = run("validate", "--project", dir.toString(), dropTable.toString());
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).contains("drop.sql:1:1: error drop-table:")
                .contains("\n    fix: ")
                .containsPattern("1 statements, 1 errors, \\d+ warnings, \\d+ info");
    }

    @Test
    void strictTurnsWarningsIntoFailures() throws Exception {
        Run lenient = run("validate", "--project", dir.toString(), warningOnly.toString());
        assertThat(lenient.exit()).as(lenient.stdout() + lenient.stderr()).isZero();
        assertThat(lenient.stdout()).contains("warning rename-column:").contains("0 errors");
        Run strict = run("validate", "--strict", "--project", dir.toString(), warningOnly.toString());
        assertThat(strict.exit()).as(strict.stdout() + strict.stderr()).isEqualTo(1);
    }

    @Test
    void aMissingPathOrBadOptionExitsWithTwo() throws Exception {
        Run missing = run("validate", "--project", dir.toString(), dir.resolve("nope.sql").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nope.sql");
        assertThat(missing.stdout()).isEmpty();
        Run badFormat = run("validate", "--format", "xml", clean.toString());
        assertThat(badFormat.exit()).isEqualTo(2);
    }

    @Test
    void jsonParses() throws Exception {
        Run run = run("validate", "--format", "json", "--pg-version", "15", "--project", dir.toString(),
                dropTable.toString(), warningOnly.toString());
        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        JsonNode node = JSON.readTree(run.stdout());
        assertThat(node.path("statementCount").asInt()).isEqualTo(2);
        assertThat(node.path("pgVersion").asInt()).isEqualTo(15);
        assertThat(node.path("files").size()).isEqualTo(2);
        assertThat(node.path("summary").path("errors").asInt()).isEqualTo(1);
        assertThat(node.path("findings").get(0).path("rule").asString()).isEqualTo("drop-table");
        assertThat(node.path("findings").get(0).path("severity").asString()).isEqualTo("error");
        assertThat(node.path("blocked").isArray()).isTrue();
        assertThat(node.path("blocked").get(0).path("rule").asString()).isEqualTo("drop-table");
    }

    @Test
    void sarifParses() throws Exception {
        Run run = run("validate", "--format", "sarif", "--project", dir.toString(), dir.toString());
        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        JsonNode node = JSON.readTree(run.stdout());
        assertThat(node.path("version").asString()).isEqualTo("2.1.0");
        JsonNode results = node.path("runs").get(0).path("results");
        assertThat(results.size()).isGreaterThanOrEqualTo(2);
        assertThat(results.findValuesAsString("ruleId")).contains("drop-table", "rename-column");
    }

    @Test
    void withoutPathsTheProjectsMigrationsAreValidatedWithoutADatabase() throws Exception {
        Path project = Projects.copyOfExample();
        Run run = run("validate", "--project", project.toString());
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isIn(0, 1);
        assertThat(run.stdout()).containsPattern("\\d+ statements, \\d+ errors, \\d+ warnings, \\d+ info");
        assertThat(run.stdout()).doesNotContain("0 statements,");
        assertThat(project.resolve(".drydock")).as("the embedded server was not started").doesNotExist();
    }
}

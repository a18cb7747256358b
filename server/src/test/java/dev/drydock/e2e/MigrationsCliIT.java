package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.SmallProject;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.drydock.testing.SmallProject.A;
import static dev.drydock.testing.SmallProject.B;
import static dev.drydock.testing.SmallProject.C;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code drydock migrations} on the packaged jar: the table, the same result as JSON, and exit codes. */
class MigrationsCliIT {
    private static SmallProject project;

    private record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void project() throws Exception {
        project = SmallProject.create();
        DatabaseUrl target = TestPostgres.emptyDatabase();
        project.markApplied(target, A);
        Files.writeString(project.root().resolve("drydock.yaml"), "targets:\n  staging:\n    url: " + ToolHarness.jdbc(target)
                + "\nbranchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
    }

    private static Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("migrations", "--project", project.root().toString()));
        all.addAll(List.of(args));
        try (JarProcess drydock = JarProcess.start(all, Map.of())) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(90));
            return new Run(exit, out, drydock.stderr());
        }
    }

    @Test
    void printsTheTableAndTheNextStep() throws Exception {
        Run r = run();
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("Target 'staging': 1 applied, 2 pending, 0 missing locally, 0 drifted "
                        + "(supabase/migrations)")
                .containsPattern("VERSION +NAME +STATE +ROLLBACK +TESTED +APPLIED AT +BY")
                .containsPattern(A + " +create_table +applied +yes +no")
                .containsPattern(B + " +add_name +pending +yes +no")
                .contains("Next step: supabase/migrations/" + C + "_index_name.sql has no branch evidence");
    }

    @Test
    void jsonIsTheToolsResult() throws Exception {
        Run r = run("--target", "staging", "--json");
        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.stdout());
        assertThat(json.path("target").asString()).isEqualTo("staging");
        assertThat(json.path("counts").path("pending").asInt()).isEqualTo(2);
        assertThat(json.path("migrations").get(0).path("state").asString()).isEqualTo("applied");
        assertThat(json.path("migrations").get(2).path("rollbackFile").asString())
                .isEqualTo("supabase/rollbacks/" + C + "_index_name.sql");
    }

    @Test
    void anUnknownTargetFailsWithExitOne() throws Exception {
        Run r = run("--target", "prod");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("UNKNOWN_TARGET: ");
        assertThat(r.stdout()).isEmpty();
    }
}

package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of the packaged jar: output, JSON mode and exit codes. */
class CliIT {

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

    private static String url() {
        return ToolHarness.jdbc(TestPostgres.exampleDatabase());
    }

    @Test
    void versionAndHelp() throws Exception {
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.stdout()).startsWith("drydock ");
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.stdout()).contains("serve").contains("status").contains("tables");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Run bad = run("tables", "--no-such-option");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--no-such-option");
    }

    @Test
    void tablesPrintsAlignedTextAndJson() throws Exception {
        Path project = Projects.withConfig(null);
        Run text = run("tables", "--project", project.toString(), "--database-url", url(), "--schema", "public");
        assertThat(text.exit()).as(text.stderr()).isZero();
        assertThat(text.stdout()).contains("TABLE").contains("public.posts").contains("public.published_posts");
        Run json = run("tables", "--project", project.toString(), "--database-url", url(), "--json", "--verbose");
        assertThat(json.exit()).isZero();
        JsonNode node = JsonMapper.builder().build().readTree(json.stdout());
        assertThat(node.path("tables").size()).isEqualTo(4);
        assertThat(node.path("tables").get(0).path("columns").isArray()).isTrue();
    }

    @Test
    void statusJsonAndFailuresExitWithOne() throws Exception {
        Path project = Projects.copyOfExample();
        Run status = run("status", "--project", project.toString(), "--database-url", url(), "--json");
        assertThat(status.exit()).as(status.stderr()).isZero();
        assertThat(JsonMapper.builder().build().readTree(status.stdout()).path("project").path("migrations").asInt()).isEqualTo(6);
        Run unknown = run("tables", "--project", project.toString(), "--database-url", url(), "--target", "prod");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("UNKNOWN_TARGET: No target named 'prod'");
    }

    @Test
    void invalidConfigurationNamesTheLine() throws Exception {
        Path project = Projects.withConfig("targets:\n  prod:\n    url: postgres://u:TopSecret1@h/db\n    protectd: true\n");
        Run run = run("status", "--project", project.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("CONFIG_INVALID").contains("line 4: unknown key 'targets.prod.protectd'")
                .doesNotContain("TopSecret1");
        assertThat(run.stdout()).isEmpty();
    }
}

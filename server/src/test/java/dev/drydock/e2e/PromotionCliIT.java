package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promotion path on the command line, on the packaged jar: a migration file is proved with
 * {@code drydock test} (branches on the test cluster), then {@code drydock apply} and
 * {@code drydock rollback} move it through the guards onto a target on a second PostgreSQL
 * server, and a changed byte is refused.
 */
class PromotionCliIT {
    private static final String VERSION = "20240301090600";
    private Path project;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString()));
        try (JarProcess drydock = JarProcess.start(all, Map.of("DRYDOCK_STATE_DIR", project.resolve(".state").toString()))) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(120));
            return new Run(exit, out, drydock.stderr());
        }
    }

    @Test
    void testApplyRollbackAndARefusal() throws Exception {
        project = Projects.copyOfExample();
        Files.writeString(project.resolve("drydock.yaml"), "targets:\n  main:\n    url: "
                + ToolHarness.jdbc(TestPostgres.exampleDatabaseOnTargetServer()) + "\nbranchServer:\n  url: "
                + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
        assertThat(run("migrations").exit()).isZero();
        Path migration = project.resolve("supabase/migrations/" + VERSION + "_add_slug.sql");
        Path rollback = project.resolve("supabase/rollbacks/" + VERSION + "_add_slug.sql");
        Files.writeString(migration, "alter table public.posts add column slug text;\n");
        Files.writeString(rollback, "alter table public.posts drop column slug;\n");

        Run untested = run("apply");
        assertThat(untested.exit()).isEqualTo(1);
        assertThat(untested.stderr()).contains("NOT_BRANCH_TESTED: ");

        Run tested = run("test", migration.toString(), "--rollback", rollback.toString());
        assertThat(tested.exit()).as(tested.stderr()).isZero();

        Run dry = run("apply", "--dry-run");
        assertThat(dry.exit()).as(dry.stderr()).isZero();
        assertThat(dry.stdout()).startsWith("DRY_RUN: apply of " + VERSION + "_add_slug on target 'main'")
                .contains("alter table public.posts add column slug text");

        Run applied = run("apply", "--json");
        assertThat(applied.exit()).as(applied.stderr()).isZero();
        assertThat(applied.stdout()).contains("\"status\" : \"APPLIED\"");
        assertThat(run("apply").stdout()).startsWith("NOTHING_PENDING");
        assertThat(run("migrations").stdout()).containsPattern(VERSION + " +add_slug +applied");

        Run dryRollback = run("rollback");
        assertThat(dryRollback.exit()).isZero();
        assertThat(dryRollback.stdout()).startsWith("DRY_RUN: rollback of " + VERSION + "_add_slug")
                .contains("drop column slug");
        Run rolledBack = run("rollback", "--execute");
        assertThat(rolledBack.exit()).as(rolledBack.stderr()).isZero();
        assertThat(rolledBack.stdout()).startsWith("ROLLED_BACK: " + VERSION + "_add_slug rolled back on target 'main'");

        Files.writeString(migration, "alter table public.posts add column slug  text;\n");
        Run changed = run("apply");
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.stderr()).contains("NOT_BRANCH_TESTED: ").contains("Next step: drydock test");
        assertThat(run("audit").stdout()).contains("apply_migration", "rollback", "[drydock-cli]", "NOT_BRANCH_TESTED");
    }
}

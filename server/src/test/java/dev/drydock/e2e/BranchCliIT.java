package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drydock branch …} and {@code drydock test} on the packaged jar, with the test cluster as branch server. */
class BranchCliIT {
    private static Path project;

    private record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void project() throws Exception {
        project = Projects.copyOfExample();
        Files.writeString(project.resolve("drydock.yaml"), "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
    }

    private static Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString()));
        try (JarProcess drydock = JarProcess.start(all, Map.of())) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(120));
            return new Run(exit, out, drydock.stderr());
        }
    }

    private static JsonNode json(Run r) {
        return JsonMapper.builder().build().readTree(r.stdout());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path sql(String name, String text) throws Exception {
        Path file = Files.createTempDirectory("drydock-sql").resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<String> migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(project.resolve("supabase/migrations"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void branchLifecycleWithTextJsonAndExitCodes() throws Exception {
        String name = unique("cli");
        Run created = run("branch", "create", name, "--no-seed", "--json");
        assertThat(created.exit()).as(created.stderr()).isZero();
        assertThat(json(created).path("status").asString()).isEqualTo("MIGRATIONS_PASSED");
        assertThat(json(created).path("seed").asBoolean()).isFalse();
        Run list = run("branch", "list");
        assertThat(list.exit()).as(list.stderr()).isZero();
        assertThat(list.stdout()).contains(name).contains("MIGRATIONS_PASSED");
        Run reset = run("branch", "reset", name, "--version", "20240301090100", "--json");
        assertThat(reset.exit()).as(reset.stderr()).isZero();
        assertThat(json(reset).path("headVersion").asString()).isEqualTo("20240301090100");
        Run rebase = run("branch", "rebase", name);
        assertThat(rebase.exit()).as(rebase.stderr()).isZero();
        assertThat(rebase.stdout()).startsWith("MIGRATIONS_PASSED: branch '" + name + "' rebased at version 20240301090500");
        Run deleted = run("branch", "delete", name);
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.stdout()).contains("Deleted branch " + name);
        Run again = run("branch", "delete", name);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.stderr()).startsWith("BRANCH_NOT_FOUND: ");
        Run usage = run("branch", "create");
        assertThat(usage.exit()).isEqualTo(2);
    }

    @Test
    void testPassesARoundTripAndWritesNothing() throws Exception {
        List<String> before = migrationFiles();
        Path up = sql("add_slug.sql", "alter table public.posts add column slug text;\ncreate index posts_slug_idx on public.posts (slug);\n");
        Path down = sql("add_slug.down.sql", "drop index public.posts_slug_idx;\nalter table public.posts drop column slug;\n");
        Run r = run("test", up.toString(), "--rollback", down.toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("ROUND_TRIP_PASSED: ").contains("No files written");
        assertThat(migrationFiles()).isEqualTo(before);
        assertThat(run("branch", "list").stdout()).doesNotContain("test-");
    }

    @Test
    void testFailsWhenTheRollbackForgetsSomething() throws Exception {
        Path up = sql("add_idx.sql", "create index posts_title_idx on public.posts (title);\n");
        Path down = sql("add_idx.down.sql", "select 1;\n");
        Run r = run("test", up.toString(), "--rollback", down.toString(), "--name", "add_idx");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("ROUND_TRIP_FAILED: ").contains("the rollback left index public.posts_title_idx");
        Run missing = run("test", up.toString());
        assertThat(missing.exit()).isEqualTo(2);
    }

    @Test
    void testOfAFileInTheMigrationsDirectoryRunsOnTheHistoryBeforeIt() throws Exception {
        List<String> before = migrationFiles();
        Path up = project.resolve("supabase/migrations/20240301090300_create_posts.sql");
        Path down = project.resolve("supabase/rollbacks/20240301090300_create_posts.sql");
        Run r = run("test", up.toString(), "--rollback", down.toString(), "--json");
        assertThat(r.exit()).as(r.stdout() + r.stderr()).isZero();
        assertThat(json(r).path("version").asString()).isEqualTo("20240301090300");
        assertThat(json(r).path("name").asString()).isEqualTo("create_posts");
        assertThat(migrationFiles()).isEqualTo(before);

        String name = unique("at-head");
        // unseeded: the example's seed needs the whole history, so a seeded branch cannot stand before create_posts
        assertThat(run("branch", "create", name, "--no-seed").exit()).isZero();
        Run stale = run("test", up.toString(), "--rollback", down.toString(), "--branch", name);
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.stderr()).startsWith("BRANCH_STALE: ").contains("reset_branch");
        assertThat(run("branch", "reset", name, "--version", "20240301090200").exit()).isZero();
        Run onBranch = run("test", up.toString(), "--rollback", down.toString(), "--branch", name);
        assertThat(onBranch.exit()).as(onBranch.stderr()).isZero();
        run("branch", "delete", name);
    }
}

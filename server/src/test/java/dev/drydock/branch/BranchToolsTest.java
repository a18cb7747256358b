package dev.drydock.branch;

import dev.drydock.mcp.ToolSpec;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.ToolRunner;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branch tools in-process, wired as in production, with the test cluster as branch server. Every
 * successful result is checked against its tool's outputSchema, as the MCP SDK checks it at run time.
 */
class BranchToolsTest {
    private static Path project;
    private static ToolHarness tools;

    @BeforeAll
    static void start() {
        project = Projects.copyOfExample();
        String yaml = "targets:\n  main:\n    url: " + ToolHarness.jdbc(TestPostgres.exampleDatabase()) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n";
        tools = ToolHarness.fromYaml(project, yaml);
    }

    @AfterAll
    static void stop() throws Exception {
        tools.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ToolRunner.Response call(String tool, Map<String, Object> args) {
        return conforming(tool, tools.call(tool, args));
    }

    static ToolRunner.Response conforming(String tool, ToolRunner.Response r) {
        return ToolHarness.conforming(tool, r);
    }

    @Test
    void createsBranchFromHistoryAndClonesTheCachedTemplateNextTime() {
        ToolRunner.Response first = call("create_branch", Map.of("name", unique("a")));
        assertThat(first.isError()).as(first.text()).isFalse();
        assertThat(first.structured()).containsEntry("status", "MIGRATIONS_PASSED");
        ToolRunner.Response second = call("create_branch", Map.of("name", unique("b")));
        assertThat(second.structured()).containsEntry("templateCached", true);
        String name = (String) second.structured().get("branch");
        ToolRunner.Response rows = call("execute_sql", Map.of("branch", name, "sql", "select count(*) as n from public.posts"));
        assertThat(rows.isError()).as(rows.text()).isFalse();
        ToolRunner.Response write = call("execute_sql", Map.of("branch", name, "sql", "delete from public.posts where id is null"));
        assertThat(write.isError()).as(write.text()).isFalse();
        assertThat(write.structured()).containsEntry("rowsAffected", 0L);
        ToolRunner.Response blocked = call("execute_sql", Map.of("branch", name, "sql", "drop table public.posts"));
        assertThat(blocked.structured()).containsEntry("code", "BLOCKED_PATTERN");
        assertThat(blocked.text()).contains("Next step: execute_sql again with allow_destructive: true");
        ToolRunner.Response allowed = call("execute_sql", Map.of("branch", name, "sql", "drop table public.posts cascade",
                "allow_destructive", true));
        assertThat(allowed.isError()).as(allowed.text()).isFalse();
        ToolRunner.Response onTarget = call("execute_sql", Map.of("sql", "select 1", "allow_destructive", true));
        assertThat(onTarget.structured()).containsEntry("code", "INVALID_ARGUMENT");
        ToolRunner.Response list = call("list_branches", Map.of());
        assertThat(list.text()).contains(name);
        assertThat(call("delete_branch", Map.of("branch", name)).isError()).isFalse();
        assertThat(call("list_branches", Map.of()).text()).doesNotContain(name);
    }

    @Test
    void applyOnBranchRunsTheCycleAndWritesFiles() throws Exception {
        String name = unique("c");
        call("create_branch", Map.of("name", name));
        ToolRunner.Response r = call("apply_on_branch", Map.of("branch", name, "name", "add_slug",
                "sql", "alter table public.posts add column slug text;\ncreate index posts_slug_idx on public.posts (slug);",
                "rollback_sql", "drop index public.posts_slug_idx;\nalter table public.posts drop column slug;"));
        assertThat(r.isError()).as(r.text()).isFalse();
        assertThat(r.structured()).containsEntry("status", "ROUND_TRIP_PASSED");
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>) r.structured().get("files");
        assertThat(Files.readString(project.resolve((String) files.get("migration")))).contains("add column slug");
        System.out.println(r.text());

        ToolRunner.Response bad = call("apply_on_branch", Map.of("branch", name, "name", "add_title2",
                "sql", "alter table public.posts add column title2 text;\ncreate index posts_title_idx on public.posts (title);",
                "rollback_sql", "alter table public.posts drop column title2;"));
        System.out.println(bad.text());
        assertThat(bad.structured()).containsEntry("code", "ROUND_TRIP_FAILED");
        assertThat(bad.text()).contains("the rollback left index public.posts_title_idx");
        assertThat(Files.list(project.resolve("supabase/migrations")).filter(p -> p.toString().contains("add_title2"))).isEmpty();
        List<?> own = (List<?>) ((Map<?, ?>) ((List<?>) call("list_branches", Map.of()).structured().get("branches")).stream()
                .filter(b -> ((Map<?, ?>) b).get("name").equals(name)).findFirst().orElseThrow()).get("ownMigrations");
        assertThat(own).hasSize(1);
    }

    @Test
    void resetRebaseAndUnseededBranchesMatchTheirContracts() {
        String name = unique("d");
        ToolRunner.Response created = call("create_branch", Map.of("name", name, "seed", false));
        assertThat(created.structured()).containsEntry("seed", false).containsEntry("status", "MIGRATIONS_PASSED");
        ToolRunner.Response reset = call("reset_branch", Map.of("branch", name, "version", "20240301090100"));
        assertThat(reset.isError()).as(reset.text()).isFalse();
        assertThat(reset.structured()).containsEntry("headVersion", "20240301090100").containsEntry("baseMigrations", 2);
        ToolRunner.Response rebased = call("rebase_branch", Map.of("branch", name));
        assertThat(rebased.isError()).as(rebased.text()).isFalse();
        assertThat(rebased.structured()).containsEntry("action", "rebased");
        ToolRunner.Response deleted = call("delete_branch", Map.of("branch", name));
        assertThat(deleted.structured()).containsEntry("deleted", "branch " + name);
        assertThat(call("delete_branch", Map.of("branch", name)).structured()).containsEntry("code", "BRANCH_NOT_FOUND");
    }

    @Test
    void aMigrationThatDoesNotReplayIsReportedWithItsFailureNotAsAnError() throws Exception {
        Path broken = Projects.copyOfExample();
        Files.writeString(broken.resolve("supabase/migrations/20240301090600_broken.sql"),
                "alter table public.posts add column extra text;\nalter table public.nowhere add column x int;\n");
        String yaml = "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n";
        try (ToolHarness other = ToolHarness.fromYaml(broken, yaml)) {
            ToolRunner.Response r = conforming("create_branch", other.call("create_branch", Map.of("name", unique("e"))));
            assertThat(r.isError()).as(r.text()).isFalse();
            assertThat(r.structured()).containsEntry("status", "MIGRATIONS_FAILED");
            @SuppressWarnings("unchecked")
            Map<String, Object> failure = (Map<String, Object>) r.structured().get("failure");
            assertThat(failure).containsEntry("statementIndex", 2).containsEntry("line", 2)
                    .containsEntry("sqlState", "42P01");
            conforming("list_branches", other.call("list_branches", Map.of()));
        }
    }

    /**
     * After a clone, a spare clone of the template is made in the background; the next branch of
     * that history is the spare, renamed. Deleting the template removes its spare too.
     */
    @Test
    void theNextBranchIsTheTemplatesSpareRenamed() throws Exception {
        Path own = Projects.copyOfExample();
        // A history of its own, so that its template and spare are this test's alone.
        Files.writeString(own.resolve("supabase/migrations/20240301090600_spare_marker.sql"),
                "create table public.spare_marker_" + UUID.randomUUID().toString().substring(0, 8) + " (id int);\n");
        String yaml = "targets:\n  main:\n    url: " + ToolHarness.jdbc(TestPostgres.exampleDatabase()) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n";
        try (ToolHarness h = ToolHarness.fromYaml(own, yaml)) {
            ToolRunner.Response first = conforming("create_branch", h.call("create_branch", Map.of("name", unique("s"))));
            assertThat(first.structured()).containsEntry("spareUsed", false).containsEntry("templateCached", false);
            String database = (String) first.structured().get("database");
            String key;
            try (var c = TestPostgres.connect(TestPostgres.admin().withDatabase("drydock_meta"));
                 var ps = c.prepareStatement("select template from drydock.branches where database = ?")) {
                ps.setString(1, database);
                try (var rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    key = rs.getString(1).substring("drydock_template_".length());
                }
            }
            String spare = "drydock_spare_" + key;
            // Waits for the background copy (a state, not a time: up to a minute on a loaded machine).
            long deadline = System.currentTimeMillis() + 60_000;
            while (!listedTemplates(h).contains(spare) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(listedTemplates(h)).contains(spare);

            ToolRunner.Response second = conforming("create_branch", h.call("create_branch", Map.of("name", unique("s"))));
            assertThat(second.isError()).as(second.text()).isFalse();
            assertThat(second.structured()).containsEntry("spareUsed", true).containsEntry("templateCached", true);
            assertThat(second.text()).contains("spare clone renamed in");
            String count = "select (select count(*) from public.posts) as posts, to_regclass('public.spare_marker_x') is null as x";
            ToolRunner.Response a = h.call("execute_sql", Map.of("branch", first.structured().get("branch"), "sql", count));
            ToolRunner.Response b = h.call("execute_sql", Map.of("branch", second.structured().get("branch"), "sql", count));
            assertThat(b.structured().get("rows")).isEqualTo(a.structured().get("rows"));

            ToolRunner.Response deleted = h.call("delete_branch", Map.of("branch", "drydock_template_" + key));
            assertThat(deleted.isError()).as(deleted.text()).isFalse();
            assertThat(listedTemplates(h)).doesNotContain("drydock_template_" + key, spare);
        }
    }

    private static List<String> listedTemplates(ToolHarness h) {
        ToolRunner.Response list = conforming("list_branches", h.call("list_branches", Map.of()));
        return ((List<?>) list.structured().get("templates")).stream().map(t -> (String) ((Map<?, ?>) t).get("database")).toList();
    }
}

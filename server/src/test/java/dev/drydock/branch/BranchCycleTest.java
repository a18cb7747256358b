package dev.drydock.branch;

import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.ToolRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch cycle on the example Supabase project: the four patterns of a careful migration
 * specialist pass with files and evidence; each kind of broken migration is reported precisely
 * and leaves the branch as it was, with nothing written.
 */
class BranchCycleTest {
    private Path project;
    private ToolHarness tools;
    private String branch;

    @BeforeEach
    void start() {
        project = Projects.copyOfExample();
        tools = ToolHarness.fromYaml(project, "targets:\n  main:\n    url: " + ToolHarness.jdbc(TestPostgres.exampleDatabase())
                + "\nbranchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
        branch = "cycle-" + UUID.randomUUID().toString().substring(0, 8);
        ToolRunner.Response created = call("create_branch", Map.of("name", branch));
        assertThat(created.isError()).as(created.text()).isFalse();
    }

    @AfterEach
    void stop() throws Exception {
        call("delete_branch", Map.of("branch", branch));
        tools.close();
    }

    private ToolRunner.Response call(String tool, Map<String, Object> args) {
        return tools.call(tool, args);
    }

    private ToolRunner.Response apply(String name, String up, String rollback) {
        return call("apply_on_branch", Map.of("branch", branch, "name", name, "sql", up, "rollback_sql", rollback));
    }

    private Object scalar(String sql) {
        ToolRunner.Response r = call("execute_sql", Map.of("branch", branch, "sql", sql));
        assertThat(r.isError()).as(r.text()).isFalse();
        return ((List<?>) ((List<?>) r.structured().get("rows")).get(0)).get(0);
    }

    private void assertPassedWithFilesAndEvidence(ToolRunner.Response r, String name) throws Exception {
        assertThat(r.isError()).as(r.text()).isFalse();
        assertThat(r.structured()).containsEntry("status", "ROUND_TRIP_PASSED");
        Map<?, ?> files = (Map<?, ?>) r.structured().get("files");
        assertThat(project.resolve((String) files.get("migration"))).exists();
        assertThat(project.resolve((String) files.get("rollback"))).exists();
        assertThat(((Number) r.structured().get("evidenceId")).longValue()).isPositive();
        Map<?, ?> entry = (Map<?, ?>) ((List<?>) call("list_branches", Map.of()).structured().get("branches")).stream()
                .filter(b -> ((Map<?, ?>) b).get("name").equals(branch)).findFirst().orElseThrow();
        assertThat((List<?>) entry.get("ownMigrations")).anySatisfy(o -> assertThat(((Map<?, ?>) o).get("name")).isEqualTo(name));
        ((Map<?, ?>) r.structured().get("rowCounts")).values().forEach(c ->
                assertThat(((Map<?, ?>) c).get("after")).isEqualTo(((Map<?, ?>) c).get("before")));
    }

    private void assertRefusedAndNothingWritten(ToolRunner.Response r, String code, String name) throws Exception {
        assertThat(r.isError()).isTrue();
        assertThat(r.structured()).containsEntry("code", code);
        try (Stream<Path> files = Files.walk(project.resolve("supabase"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(name))).isEmpty();
        }
    }

    @Test
    void addsAColumnWithACheckConstraint() throws Exception {
        ToolRunner.Response r = apply("add_slug", """
                alter table public.posts add column slug text;
                alter table public.posts add constraint posts_slug_format check (slug ~ '^[a-z0-9-]+$') not valid;
                alter table public.posts validate constraint posts_slug_format;
                """, """
                alter table public.posts drop constraint posts_slug_format;
                alter table public.posts drop column slug;
                """);
        assertPassedWithFilesAndEvidence(r, "add_slug");
        assertThat(scalar("select count(*) from pg_constraint where conname = 'posts_slug_format' and convalidated")).isEqualTo(1L);
    }

    @Test
    void renamesAColumnWithACompatibilityView() throws Exception {
        ToolRunner.Response r = apply("rename_title_to_headline", """
                alter table public.posts rename column title to headline;
                create view public.posts_v1 with (security_invoker = true) as
                  select id, organization_id, author_id, headline as title, body, published, created_at, updated_at
                  from public.posts;
                """, """
                drop view public.posts_v1;
                alter table public.posts rename column headline to title;
                """);
        assertPassedWithFilesAndEvidence(r, "rename_title_to_headline");
        assertThat(scalar("select count(*) from public.posts_v1")).isEqualTo(3L);
    }

    @Test
    void splitsATableWithItsDataCopied() throws Exception {
        ToolRunner.Response r = apply("split_post_bodies", """
                create table public.post_bodies (
                  post_id bigint primary key references public.posts (id) on delete cascade,
                  body text not null
                );
                alter table public.post_bodies enable row level security;
                insert into public.post_bodies (post_id, body) select id, body from public.posts;
                """, """
                drop table public.post_bodies;
                """);
        assertPassedWithFilesAndEvidence(r, "split_post_bodies");
        assertThat(scalar("select count(*) from public.post_bodies")).isEqualTo(3L);
    }

    @Test
    void backfillsANewColumnInBatchesOnAHundredThousandRows() throws Exception {
        call("execute_sql", Map.of("branch", branch, "sql", "insert into public.posts (organization_id, author_id, title, body) "
                + "select organization_id, author_id, 'post ' || g, repeat('word ', g % 50) from "
                + "(select organization_id, author_id from public.posts limit 1) p, generate_series(1, 99997) g"));
        assertThat(scalar("select count(*) from public.posts")).isEqualTo(100000L);
        StringBuilder up = new StringBuilder("-- drydock:no-transaction\nalter table public.posts add column word_count integer;\n");
        for (int from = 0; from < 100000; from += 25000) {
            up.append("update public.posts set word_count = coalesce(array_length(regexp_split_to_array(trim(body), '\\s+'), 1), 0) "
                    + "where id > (select min(id) from public.posts) + ").append(from - 1).append(" and id <= (select min(id) from public.posts) + ")
                    .append(from + 24999).append(" and word_count is null;\n");
        }
        ToolRunner.Response r = apply("backfill_word_count", up.toString(), "alter table public.posts drop column word_count;");
        assertPassedWithFilesAndEvidence(r, "backfill_word_count");
        assertThat(r.structured().get("unrestoredChanges")).isEqualTo(List.of("the migration changed column "
                + "public.posts.updated_at (a trigger or an UPDATE) and its rollback leaves those values changed"));
        assertThat(((Number) r.structured().get("standaloneSteps")).longValue()).isEqualTo(5);
        assertThat(scalar("select count(*) from public.posts where word_count is null")).isEqualTo(0L);
    }

    @Test
    void rollbackThatForgetsAnIndexIsReportedAndTheBranchIsRestored() throws Exception {
        ToolRunner.Response r = apply("index_title", "create index posts_title_idx on public.posts (title);", "select 1;");
        assertRefusedAndNothingWritten(r, "ROUND_TRIP_FAILED", "index_title");
        assertThat(r.text()).contains("the rollback left index public.posts_title_idx");
        assertThat(scalar("select count(*) from pg_indexes where indexname = 'posts_title_idx'")).isEqualTo(0L);
    }

    @Test
    void rollbackThatDropsDataItDidNotCreateIsReported() throws Exception {
        ToolRunner.Response r = apply("add_slug_bad", "alter table public.posts add column slug text;",
                "alter table public.posts drop column slug;\ndelete from public.posts where id = (select min(id) from public.posts);");
        assertRefusedAndNothingWritten(r, "ROUND_TRIP_FAILED", "add_slug_bad");
        assertThat(r.text()).contains("table public.posts had 3 rows before and 2 after");
        assertThat(scalar("select count(*) from public.posts")).isEqualTo(3L);
    }

    @Test
    void upThatFailsHalfwayNamesTheStatementAndLeavesTheBranchAsItWas() throws Exception {
        ToolRunner.Response r = apply("half", "alter table public.posts add column draft_note text;\n\ninsert into public.posts (title) values ('x');",
                "alter table public.posts drop column draft_note;");
        assertRefusedAndNothingWritten(r, "MIGRATION_FAILED", "half");
        assertThat(r.text()).contains("statement 2 of 2 (line 3)").contains("23502");
        assertThat(r.structured()).containsEntry("sqlState", "23502");
        assertThat(scalar("select count(*) from information_schema.columns where column_name = 'draft_note'")).isEqualTo(0L);
    }

    @Test
    void failedConcurrentIndexBuildLeavesNoInvalidIndex() throws Exception {
        ToolRunner.Response r = apply("unique_author", """
                -- drydock:no-transaction
                alter table public.posts add column tag text;
                create unique index concurrently posts_author_unique on public.posts (organization_id);
                """, "drop index concurrently public.posts_author_unique;\nalter table public.posts drop column tag;");
        assertRefusedAndNothingWritten(r, "MIGRATION_FAILED", "unique_author");
        assertThat(r.text()).contains("statement 2 of 2").contains("rebuilt");
        assertThat(scalar("select count(*) from pg_index where not indisvalid")).isEqualTo(0L);
        assertThat(scalar("select count(*) from information_schema.columns where column_name = 'tag'")).isEqualTo(0L);
    }

    @Test
    void missingRollbackIsRefusedWithThePlanAsNextStep() throws Exception {
        ToolRunner.Response r = call("apply_on_branch", Map.of("branch", branch, "name", "x", "sql", "select 1"));
        assertRefusedAndNothingWritten(r, "ROLLBACK_REQUIRED", "_x.sql");
        assertThat(r.text()).contains("Next step: plan_migration");
    }

    @Test
    void staleBranchIsRefusedUntilRebased() throws Exception {
        Files.writeString(project.resolve("supabase/migrations/20250101000000_teammate.sql"), "create table public.teammate (id int);\n");
        ToolRunner.Response r = apply("after_teammate", "alter table public.posts add column x int;", "alter table public.posts drop column x;");
        assertRefusedAndNothingWritten(r, "BRANCH_STALE", "after_teammate");
        ToolRunner.Response rebased = call("rebase_branch", Map.of("branch", branch));
        assertThat(rebased.isError()).as(rebased.text()).isFalse();
        assertThat(rebased.structured()).containsEntry("headVersion", "20250101000000");
        assertPassedWithFilesAndEvidence(apply("after_teammate", "alter table public.posts add column x int;",
                "alter table public.posts drop column x;"), "after_teammate");
    }

    @Test
    void rebaseReappliesOwnMigrationsAndReportsAConflict() throws Exception {
        assertPassedWithFilesAndEvidence(apply("add_flag", "alter table public.posts add column flag boolean;",
                "alter table public.posts drop column flag;"), "add_flag");
        Files.writeString(project.resolve("supabase/migrations/20250101000000_teammate_flag.sql"),
                "alter table public.posts add column flag text;\n");
        ToolRunner.Response r = call("rebase_branch", Map.of("branch", branch));
        assertThat(r.structured()).containsEntry("code", "REBASE_CONFLICT");
        assertThat(r.text()).contains("add_flag").contains("42701");
        assertThat(scalar("select data_type from information_schema.columns where column_name = 'flag'")).isEqualTo("boolean");
    }

    @Test
    void resetToAVersionDropsLaterMigrations() {
        ToolRunner.Response r = call("reset_branch", Map.of("branch", branch, "version", "20240301090200"));
        assertThat(r.isError()).as(r.text()).isFalse();
        assertThat(r.structured()).containsEntry("headVersion", "20240301090200");
        assertThat(scalar("select count(*) from information_schema.tables where table_name = 'posts'")).isEqualTo(0L);
    }

    @Test
    void failingHistoryGivesAFailedBranchNamingFileStatementAndLine() throws Exception {
        Files.writeString(project.resolve("supabase/migrations/20250101000000_broken.sql"),
                "create table public.ok (id int);\nselect * from public.nope;\n");
        String name = branch + "-f";
        ToolRunner.Response r = call("create_branch", Map.of("name", name));
        assertThat(r.structured()).containsEntry("status", "MIGRATIONS_FAILED");
        assertThat(r.text()).contains("20250101000000_broken.sql, statement 2 of 2 (line 2)").contains("42P01");
        assertThat(call("delete_branch", Map.of("branch", name)).isError()).isFalse();
    }

    @Test
    void resultSaysWhenTheConfiguredTypesFileIsStale() throws Exception {
        Path own = Projects.copyOfExample();
        try (ToolHarness typed = ToolHarness.fromYaml(own, "targets:\n  main:\n    url: "
                + ToolHarness.jdbc(TestPostgres.exampleDatabase()) + "\nbranchServer:\n  url: "
                + ToolHarness.jdbc(TestPostgres.admin()) + "\ntypes:\n  out: src/types/database.ts\n")) {
            String name = branch + "-t";
            typed.call("create_branch", Map.of("name", name));
            assertThat(typed.call("generate_types", Map.of("branch", name, "out", "src/types/database.ts")).isError()).isFalse();
            ToolRunner.Response r = typed.call("apply_on_branch", Map.of("branch", name, "name", "add_subtitle",
                    "sql", "alter table public.posts add column subtitle text;",
                    "rollback_sql", "alter table public.posts drop column subtitle;"));
            assertThat(r.isError()).as(r.text()).isFalse();
            assertThat(r.structured()).containsEntry("typesStale", true).containsEntry("typesFile", "src/types/database.ts");
            assertThat(r.text()).contains("generate_types with branch '" + name + "'");
            typed.call("generate_types", Map.of("branch", name, "out", "src/types/database.ts"));
            assertThat(Files.readString(own.resolve("src/types/database.ts"))).contains("subtitle: string | null");
            typed.call("delete_branch", Map.of("branch", name));
        }
    }
}

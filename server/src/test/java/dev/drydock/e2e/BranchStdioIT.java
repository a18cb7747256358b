package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Branch-first testing through the real MCP client on the packaged jar, on the embedded default
 * (the branch server is Drydock's own PostgreSQL): each careful-migration pattern goes branch →
 * apply_on_branch → files written → evidence recorded → data intact, and broken migrations are
 * refused precisely with the branch left as it was and nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BranchStdioIT {
    private Path project;
    private McpSyncClient client;
    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    private int branches;

    @BeforeAll
    void start() {
        project = Projects.copyOfExample();
        List<String> command = JarProcess.command(List.of("serve", "--project", project.toString()));
        ServerParameters params = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { });
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).progressConsumer(progress::add).build();
        client.initialize();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder().name(tool).arguments(args).progressToken(tool + "-" + branches).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    private static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    private String newBranch() {
        String name = "it-" + (++branches);
        CallToolResult r = call("create_branch", Map.of("name", name));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(structured(r)).containsEntry("status", "MIGRATIONS_PASSED");
        return name;
    }

    private Object scalar(String branch, String sql) {
        CallToolResult r = call("execute_sql", Map.of("branch", branch, "sql", sql));
        assertThat(r.isError()).as(text(r)).isFalse();
        Object value = ((List<?>) ((List<?>) structured(r).get("rows")).get(0)).get(0);
        return value instanceof Number n ? (Object) n.longValue() : value;
    }

    private void passes(String name, String up, String rollback) throws Exception {
        String branch = newBranch();
        CallToolResult r = call("apply_on_branch", Map.of("branch", branch, "name", name, "sql", up, "rollback_sql", rollback));
        assertThat(r.isError()).as(text(r)).isFalse();
        Map<String, Object> s = structured(r);
        assertThat(s).containsEntry("status", "ROUND_TRIP_PASSED");
        Map<?, ?> files = (Map<?, ?>) s.get("files");
        assertThat(Files.readString(project.resolve((String) files.get("migration")))).isEqualTo(up.endsWith("\n") ? up : up + "\n");
        assertThat(project.resolve((String) files.get("rollback"))).exists();
        assertThat(((Number) s.get("evidenceId")).longValue()).isPositive();
        ((Map<?, ?>) s.get("rowCounts")).values().forEach(c ->
                assertThat(((Map<?, ?>) c).get("after")).isEqualTo(((Map<?, ?>) c).get("before")));
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) structured(call("list_branches", Map.of())).get("branches")).stream()
                .filter(b -> ((Map<?, ?>) b).get("name").equals(branch)).findFirst().orElseThrow();
        assertThat((List<?>) listed.get("ownMigrations")).hasSize(1);
    }

    private void refused(String code, String name, String up, String rollback, String... expected) throws Exception {
        String branch = newBranch();
        Object before = scalar(branch, "select md5(string_agg(table_name || '.' || column_name, ',' order by 1)) "
                + "from information_schema.columns where table_schema = 'public'");
        CallToolResult r = call("apply_on_branch", Map.of("branch", branch, "name", name, "sql", up, "rollback_sql", rollback));
        assertThat(r.isError()).isTrue();
        assertThat(structured(r)).containsEntry("code", code);
        assertThat(text(r)).contains(expected);
        assertThat(scalar(branch, "select md5(string_agg(table_name || '.' || column_name, ',' order by 1)) "
                + "from information_schema.columns where table_schema = 'public'")).isEqualTo(before);
        assertThat(scalar(branch, "select count(*) from pg_index where not indisvalid")).isEqualTo(0L);
        try (Stream<Path> files = Files.walk(project.resolve("supabase"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(name))).isEmpty();
        }
    }

    @Test
    @Order(1)
    void branchToolsAreListedAndCreateBranchReportsProgress() {
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                .contains("create_branch", "list_branches", "reset_branch", "delete_branch", "rebase_branch", "apply_on_branch");
        newBranch();
        assertThat(progress).isNotEmpty();
    }

    @Test
    @Order(2)
    void addColumnWithCheckConstraint() throws Exception {
        passes("add_slug_to_posts", """
                alter table public.posts add column slug text;
                alter table public.posts add constraint posts_slug_format check (slug ~ '^[a-z0-9-]+$') not valid;
                alter table public.posts validate constraint posts_slug_format;
                """, """
                alter table public.posts drop constraint posts_slug_format;
                alter table public.posts drop column slug;
                """);
    }

    /** Last of all: once the rename is project history, the example's seed (which names `title`) no longer loads. */
    @Test
    @Order(10)
    void renameColumnWithCompatibilityView() throws Exception {
        passes("rename_posts_title", """
                alter table public.posts rename column title to headline;
                create view public.posts_v1 with (security_invoker = true) as
                  select id, organization_id, author_id, headline as title, body, published from public.posts;
                """, """
                drop view public.posts_v1;
                alter table public.posts rename column headline to title;
                """);
    }

    @Test
    @Order(4)
    void splitTableWithDataCopied() throws Exception {
        passes("split_post_bodies", """
                create table public.post_bodies (
                  post_id bigint primary key references public.posts (id) on delete cascade,
                  body text not null
                );
                alter table public.post_bodies enable row level security;
                insert into public.post_bodies (post_id, body) select id, body from public.posts;
                """, "drop table public.post_bodies;\n");
    }

    @Test
    @Order(5)
    void batchedBackfillOnAHundredThousandRows() throws Exception {
        String branch = newBranch();
        call("execute_sql", Map.of("branch", branch, "sql", "insert into public.posts (organization_id, author_id, title, body) "
                + "select organization_id, author_id, 'post ' || g, repeat('word ', g % 50) from "
                + "(select organization_id, author_id from public.posts limit 1) p, generate_series(1, 99997) g"));
        assertThat(scalar(branch, "select count(*) from public.posts")).isEqualTo(100000L);
        StringBuilder up = new StringBuilder("-- drydock:no-transaction\nalter table public.posts add column word_count integer;\n");
        for (int batch = 0; batch < 4; batch++) {
            up.append("update public.posts set word_count = coalesce(array_length(regexp_split_to_array(trim(body), '\\s+'), 1), 0) "
                    + "where id in (select id from public.posts where word_count is null order by id limit 25000);\n");
        }
        CallToolResult r = call("apply_on_branch", Map.of("branch", branch, "name", "backfill_word_count", "sql", up.toString(),
                "rollback_sql", "alter table public.posts drop column word_count;"));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(structured(r)).containsEntry("standaloneSteps", 5);
        assertThat(((Map<?, ?>) ((Map<?, ?>) structured(r).get("rowCounts")).get("public.posts")).get("after")).isEqualTo(100000);
        assertThat(scalar(branch, "select count(*) from public.posts where word_count is null")).isEqualTo(0L);
    }

    @Test
    @Order(6)
    void rollbackThatForgetsAnIndex() throws Exception {
        refused("ROUND_TRIP_FAILED", "index_posts_title", "create index posts_title_idx on public.posts (title);",
                "select 1;", "the rollback left index public.posts_title_idx");
    }

    @Test
    @Order(7)
    void rollbackThatDropsDataItDidNotCreate() throws Exception {
        refused("ROUND_TRIP_FAILED", "add_note", "alter table public.posts add column note text;",
                "alter table public.posts drop column note;\ndelete from public.posts where id = (select min(id) from public.posts);",
                "table public.posts had 3 rows before and 2 after");
    }

    @Test
    @Order(8)
    void upThatFailsHalfway() throws Exception {
        refused("MIGRATION_FAILED", "half_done", "alter table public.posts add column draft_note text;\n"
                + "insert into public.posts (title) values ('x');", "alter table public.posts drop column draft_note;",
                "statement 2 of 2 (line 2)", "23502");
    }

    @Test
    @Order(9)
    void concurrentIndexThatFailsLeavesNoInvalidIndex() throws Exception {
        refused("MIGRATION_FAILED", "unique_org", """
                -- drydock:no-transaction
                alter table public.posts add column tag text;
                create unique index concurrently posts_org_unique on public.posts (organization_id);
                """, "drop index concurrently public.posts_org_unique;\nalter table public.posts drop column tag;",
                "statement 2 of 2", "23505");
    }

    /** Last: every branch change and refusal above left an audit record naming the MCP client; reads left none. */
    @Test
    @Order(100)
    void everyMutatingCallLeftAnAuditRecordNamingTheClient() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> records = Files.readAllLines(project.resolve(".drydock/audit.jsonl")).stream()
                .map(json::readTree).toList();
        assertThat(records).extracting(n -> n.path("tool").asString()).doesNotContain("list_branches")
                .contains("create_branch", "apply_on_branch");
        assertThat(records).allSatisfy(n -> assertThat(n.path("client").asString()).isNotIn("unknown", "drydock-cli"));
        assertThat(records).filteredOn(n -> n.path("tool").asString().equals("apply_on_branch")
                        && n.path("migrations").path(0).path("name").asString().equals("index_posts_title"))
                .singleElement().satisfies(n -> {
                    assertThat(n.path("outcome").asString()).isEqualTo("ROUND_TRIP_FAILED");
                    assertThat(n.path("decision").asString()).isEqualTo("refused");
                });
    }
}

package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar driven over stdio by the MCP Java SDK's client, as Claude Desktop would run it:
 * the example project with no target configured, so Drydock starts its embedded PostgreSQL and
 * brings it to the migration head.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioIT {
    private Path project;
    private McpSyncClient client;

    @BeforeAll
    void start() {
        project = Projects.copyOfExample();
        List<String> command = JarProcess.command(List.of("serve", "--project", project.toString()));
        ServerParameters params = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { });
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    @Test
    void initializeCarriesInstructionsAndToolsListCarriesContracts() {
        assertThat(client.getServerInfo().name()).isEqualTo("drydock");
        assertThat(client.getServerInstructions()).contains("status").contains("untrusted data");
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("status", "list_tables", "execute_sql",
                "validate_sql", "plan_migration", "generate_types", "create_branch", "list_branches", "reset_branch", "delete_branch",
                "rebase_branch", "apply_on_branch", "list_migrations", "apply_migration", "rollback", "merge_branch");
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.inputSchema()).containsEntry("type", "object");
            assertThat(tool.outputSchema()).containsKey("properties");
            // generate_types and apply_on_branch write project files, execute_sql writes on branches, branch tools build databases,
            // apply_migration, rollback and merge_branch change targets
            assertThat(tool.annotations().readOnlyHint()).as(tool.name())
                    .isEqualTo(List.of("status", "list_tables", "validate_sql", "plan_migration", "list_branches", "list_migrations")
                            .contains(tool.name()));
        }
    }

    @Test
    void statusReportsTheEmbeddedLocalTargetAtTheMigrationHead() {
        CallToolResult r = call("status", Map.of());
        assertThat(r.isError()).isFalse();
        List<Map<String, Object>> targets = (List<Map<String, Object>>) structured(r).get("targets");
        assertThat(targets).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("name", "local").containsEntry("embedded", true).containsEntry("reachable", true)
                .containsEntry("appliedMigrations", 6).containsEntry("pendingMigrations", 0));
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("local (default) [embedded]");
        assertThat(Files.exists(project.resolve(".drydock/pg/PG_VERSION"))).isTrue();
    }

    @Test
    void listMigrationsShowsTheEmbeddedTargetAtTheHead() {
        CallToolResult r = call("list_migrations", Map.of());
        assertThat(r.isError()).as(String.valueOf(r.content())).isFalse();
        assertThat(structured(r)).containsEntry("target", "local")
                .containsEntry("counts", Map.of("applied", 6, "pending", 0, "missing_locally", 0, "drifted", 0))
                .containsEntry("nextSteps", List.of());
        assertThat(((McpSchema.TextContent) r.content().get(0)).text())
                .startsWith("Target 'local': 6 applied, 0 pending, 0 missing locally, 0 drifted");
    }

    @Test
    void listTablesAndExecuteSqlReadTheProject() {
        CallToolResult tables = call("list_tables", Map.of("verbose", true));
        assertThat(tables.isError()).isFalse();
        assertThat(structured(tables).get("tables")).asList().extracting("name")
                .containsExactly("memberships", "organizations", "posts", "profiles");
        CallToolResult rows = call("execute_sql", Map.of("sql", "select title from posts order by id", "max_rows", 2));
        assertThat(rows.isError()).isFalse();
        assertThat(structured(rows)).containsEntry("rowCount", 2).containsEntry("truncated", true);
        assertThat(((McpSchema.TextContent) rows.content().get(0)).text()).contains("<untrusted-data-");
    }

    @Test
    @SuppressWarnings("unchecked")
    void validateSqlLintsTheProjectMigrationsAndAnAgentsSql() {
        CallToolResult project = call("validate_sql", Map.of("path", "supabase/migrations"));
        assertThat(project.isError()).as(((McpSchema.TextContent) project.content().get(0)).text()).isFalse();
        assertThat(structured(project)).containsEntry("ok", true);
        assertThat((List<String>) structured(project).get("files")).hasSize(6);
        CallToolResult sql = call("validate_sql", Map.of("sql", "alter table posts drop column title;\ndrop table posts;"));
        assertThat(sql.isError()).isFalse();
        assertThat(structured(sql)).containsEntry("ok", false);
        assertThat((List<Map<String, Object>>) structured(sql).get("findings")).extracting("rule")
                .contains("drop-column", "drop-table");
        assertThat(((McpSchema.TextContent) sql.content().get(0)).text()).contains("sql:2:1: error drop-table:");
        CallToolResult blocked = call("execute_sql", Map.of("sql", "DROP /* x */ TABLE \"posts\""));
        assertThat(blocked.isError()).isTrue();
        assertThat(structured(blocked)).containsEntry("code", "BLOCKED_PATTERN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void planMigrationPlansAgainstTheLocalDatabaseAndItsOutputMatchesTheContract() {
        CallToolResult r = call("plan_migration", Map.of("sql", """
                alter table public.posts add column summary text;
                create index posts_summary_idx on public.posts (summary);
                alter table public.posts alter column body drop default;
                """));
        assertThat(r.isError()).as(String.valueOf(r.content())).isFalse();
        Map<String, Object> plan = structured(r);
        assertThat(plan).containsEntry("target", "local").containsEntry("ok", true).containsEntry("statementCount", 3);
        assertThat((String) plan.get("plan_id")).hasSize(64);
        assertThat((List<Map<String, Object>>) plan.get("operations")).extracting("type", "lockingBehavior")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("add-column", "brief"),
                        org.assertj.core.groups.Tuple.tuple("create-index", "exclusive"),
                        org.assertj.core.groups.Tuple.tuple("drop-default", "brief"));
        Map<String, Object> rollback = (Map<String, Object>) plan.get("rollbackPlan");
        assertThat(rollback).containsEntry("complete", true);
        assertThat((String) rollback.get("sql")).contains("ALTER TABLE public.posts ALTER COLUMN body SET DEFAULT ''::text;",
                "DROP INDEX public.posts_summary_idx;", "ALTER TABLE public.posts DROP COLUMN summary;");
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).startsWith("Plan: 3 statement(s)");
        CallToolResult bad = call("plan_migration", Map.of("sql", "select 1", "rollback", "x"));
        assertThat(bad.isError()).isTrue();
        assertThat(structured(bad)).containsEntry("code", "INVALID_ARGUMENT");
    }

    @Test
    void generateTypesReturnsSupabaseCompatibleTypescript() {
        CallToolResult r = call("generate_types", Map.of("schemas", List.of("public")));
        assertThat(r.isError()).isFalse();
        assertThat((String) structured(r).get("source")).contains("export type Database = {").contains("posts: {")
                .contains("export type TablesInsert<");
        assertThat((String) structured(r).get("sha256")).hasSize(64);
    }

    @Test
    void badArgumentsAreToolErrorsNotProtocolErrors() {
        CallToolResult r = call("execute_sql", Map.of("sql", "select 1", "max_rows", 0));
        assertThat(r.isError()).isTrue();
        assertThat(structured(r)).containsEntry("code", "INVALID_ARGUMENT");
        CallToolResult unknownArgument = call("execute_sql", Map.of("sql", "select 1", "allow_writes", true));
        assertThat(unknownArgument.isError()).isTrue();
        assertThat(structured(unknownArgument)).containsEntry("code", "INVALID_ARGUMENT");
        assertThat(structured(unknownArgument).get("message").toString()).contains("allow_writes");
        assertThat(((McpSchema.TextContent) unknownArgument.content().get(0)).text())
                .startsWith("INVALID_ARGUMENT: ").contains("Next step: execute_sql");
        CallToolResult unknownTarget = call("list_tables", Map.of("target", "prod"));
        assertThat(unknownTarget.isError()).isTrue();
        assertThat(structured(unknownTarget)).containsEntry("code", "UNKNOWN_TARGET");
    }

    @Test
    void everyEscapeAttemptIsRefusedAndTheDatabaseIsUnchanged() throws Exception {
        String before = fingerprint();
        List<String> attempts = List.of(
                "COMMIT; DROP TABLE posts",
                "SET TRANSACTION READ WRITE",
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
                "select set_config('default_transaction_read_only','off',false)",
                "BEGIN READ WRITE",
                "with d as (delete from posts returning *) select count(*) from d",
                "EXPLAIN ANALYZE DELETE FROM posts",
                "COPY (select 1) TO PROGRAM 'touch /tmp/drydock-stdio-pwned'",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
                "SELECT pg_read_file('/etc/passwd')",
                "LOCK TABLE posts",
                "DO $$ BEGIN DELETE FROM posts; END $$",
                "CALL anything()",
                "PREPARE p AS DELETE FROM posts",
                "EXECUTE p",
                "SELECT nextval('posts_id_seq')",
                "SELECT public.create_organization('x', 'x')");
        for (String sql : attempts) {
            CallToolResult r = call("execute_sql", Map.of("sql", sql));
            assertThat(r.isError()).as("refused: %s", sql).isTrue();
            assertThat(structured(r).get("code")).as(sql)
                    .isIn("SINGLE_STATEMENT_REQUIRED", "READ_ONLY_VIOLATION", "FUNCTION_NOT_ALLOWED", "BLOCKED_PATTERN");
            assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("Next step:");
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(Path.of("/tmp/drydock-stdio-pwned")).doesNotExist();
    }

    /** Tables, row counts and sequence positions of the local database, read directly. */
    @SuppressWarnings("unchecked")
    private String fingerprint() throws Exception {
        Map<String, Object> local = ((List<Map<String, Object>>) structured(call("status", Map.of())).get("targets")).get(0);
        DatabaseUrl url = DatabaseUrl.parse(local.get("url").toString());
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.credentials()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select string_agg(tablename, ',' order by tablename)
                            || '|' || (select count(*) from posts) || '|' || (select count(*) from organizations)
                            || '|' || (select last_value from posts_id_seq)
                       from pg_tables where schemaname = 'public'""")) {
            rs.next();
            return rs.getString(1);
        }
    }
}

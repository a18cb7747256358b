package dev.drydock.branch;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL from the agent on a branch runs as drydock_agent, not as the branch server's superuser: it
 * cannot write or read the server's files (where approvals live), run programs, load untrusted
 * extensions such as dblink, become another role, or connect to Drydock's metadata (evidence).
 */
class BranchSandboxTest {
    private static Path project;
    private static ToolHarness tools;
    private static String branch;

    @BeforeAll
    static void start() {
        project = Projects.copyOfExample();
        tools = ToolHarness.fromYaml(project, "targets:\n  main:\n    url: " + ToolHarness.jdbc(TestPostgres.exampleDatabase())
                + "\nbranchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
        branch = "sandbox-" + UUID.randomUUID().toString().substring(0, 8);
        ToolRunner.Response created = tools.call("create_branch", Map.of("name", branch));
        assertThat(created.isError()).as(created.text()).isFalse();
    }

    @AfterAll
    static void stop() throws Exception {
        tools.close();
    }

    private static ToolRunner.Response sql(String statement) {
        return tools.call("execute_sql", Map.of("branch", branch, "sql", statement, "allow_destructive", true));
    }

    @Test
    void cannotWriteOrReadTheServersFiles() throws Exception {
        Path file = Files.createTempDirectory("drydock-sandbox").resolve("forged.json");
        ToolRunner.Response write = sql("copy (select '{}') to '" + file + "'");
        assertThat(write.structured()).as(write.text()).containsEntry("code", "SQL_ERROR").containsEntry("sqlState", "42501");
        assertThat(file).doesNotExist();
        ToolRunner.Response read = sql("select pg_read_file('/etc/hostname')");
        assertThat(read.structured()).as(read.text()).containsEntry("sqlState", "42501");
        ToolRunner.Response program = sql("copy (select 1) to program 'true'");
        assertThat(program.structured()).as(program.text()).containsEntry("sqlState", "42501");
    }

    @Test
    void cannotLoadDblinkOrBecomeAnotherRole() {
        assertThat(sql("create extension dblink").structured()).containsEntry("sqlState", "42501");
        assertThat(sql("set session authorization postgres").structured()).containsEntry("sqlState", "42501");
        assertThat(sql("set role postgres").structured()).containsEntry("sqlState", "42501");
        ToolRunner.Response who = tools.call("execute_sql", Map.of("branch", branch, "sql",
                "select session_user::text as s, (select rolsuper from pg_roles where rolname = current_user) as su"));
        assertThat(who.text()).contains("\"drydock_agent\"", "false");
    }

    @Test
    void aMigrationCannotRunProgramsEitherAndTheBranchIsKept() {
        ToolRunner.Response r = tools.call("apply_on_branch", Map.of("branch", branch, "name", "sneaky",
                "sql", "do $$ begin execute 'copy (select 1) to program ''true'''; end $$;",
                "rollback_sql", "select 1;"));
        assertThat(r.structured()).as(r.text()).containsEntry("code", "MIGRATION_FAILED").containsEntry("sqlState", "42501");
    }

    @Test
    void theAgentRoleMayNotConnectToDrydocksMetadata() throws SQLException {
        String password;
        DatabaseUrl meta = TestPostgres.admin().withDatabase(BranchStore.DATABASE);
        try (Connection c = TestPostgres.connect(meta); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select value from drydock.settings where key = 'agent_password'")) {
            assertThat(rs.next()).isTrue();
            password = rs.getString(1);
        }
        DatabaseUrl asAgent = new DatabaseUrl(meta.hosts(), meta.database(), BranchServer.AGENT_ROLE, password, meta.params());
        assertThatThrownBy(() -> TestPostgres.connect(asAgent).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
        // The same credentials do reach the branch, which the role owns.
        try (Connection c = TestPostgres.connect(new DatabaseUrl(meta.hosts(), "drydock_branch_" + branch,
                BranchServer.AGENT_ROLE, password, meta.params()))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }
}

package dev.drydock.tools;

import dev.drydock.CallContext;
import dev.drydock.Progress;
import dev.drydock.audit.AuditLog;
import dev.drydock.audit.AuditRecord;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
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
 * The audit hook in-process, wired as in production with the test cluster as branch server: one
 * record per mutating call whatever its outcome, none for reads, no secret in the file.
 */
class AuditTrailTest {
    private static final CallContext CLIENT = new CallContext(Progress.NONE, "test-agent 2.1", null);
    private static Path project;
    private static ToolHarness tools;

    @BeforeAll
    static void start() {
        project = Projects.copyOfExample();
        String yaml = "targets:\n  main:\n    url: " + ToolHarness.jdbc(TestPostgres.exampleDatabase()) + "\n"
                + "  vault:\n    url: jdbc:postgresql://127.0.0.1:1/vault?user=u&password=Vault-Secret-42\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n";
        tools = ToolHarness.fromYaml(project, yaml);
    }

    @AfterAll
    static void stop() throws Exception {
        tools.close();
    }

    private static ToolRunner.Response call(String tool, Map<String, Object> args) {
        return tools.toolbox().call(tool, args, CLIENT);
    }

    private static AuditLog log() {
        return tools.toolbox().runner().audit();
    }

    private static List<AuditRecord> recordsFor(String branch) {
        return log().read(null, null).stream().filter(r -> branch.equals(r.branch())).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createApplyDeleteWriteOneRecordEachWithClientChecksumsAndDuration() {
        String branch = unique("audit");
        new ToolRunnerAssert(call("create_branch", Map.of("name", branch, "seed", false))).ok();
        ToolRunner.Response applied = call("apply_on_branch", Map.of("branch", branch, "name", "add_audit_note",
                "sql", "alter table public.posts add column audit_note text;",
                "rollback_sql", "alter table public.posts drop column audit_note;"));
        new ToolRunnerAssert(applied).ok();
        new ToolRunnerAssert(call("delete_branch", Map.of("branch", branch))).ok();

        List<AuditRecord> records = recordsFor(branch);
        assertThat(records).extracting(AuditRecord::tool).containsExactly("create_branch", "apply_on_branch", "delete_branch");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.client()).isEqualTo("test-agent 2.1");
            assertThat(r.outcome()).isEqualTo(AuditRecord.OK);
            assertThat(r.decision()).isNull();
            assertThat(r.durationMs()).isNotNegative();
            assertThat(r.at()).isNotNull();
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> sums = (Map<String, Object>) applied.structured().get("checksums");
        AuditRecord.Migration m = records.get(1).migrations().get(0);
        assertThat(m).isEqualTo(new AuditRecord.Migration((String) applied.structured().get("version"), "add_audit_note",
                (String) sums.get("up"), (String) sums.get("rollback")));
    }

    @Test
    void refusalsAreRecordedWithTheirCode() {
        String branch = unique("refused");
        new ToolRunnerAssert(call("create_branch", Map.of("name", branch, "seed", false))).ok();
        new ToolRunnerAssert(call("apply_on_branch", Map.of("branch", branch, "name", "no_rollback",
                "sql", "alter table public.posts add column x text;"))).refused("ROLLBACK_REQUIRED");
        new ToolRunnerAssert(call("execute_sql", Map.of("branch", branch, "sql", "drop table public.posts")))
                .refused("BLOCKED_PATTERN");
        new ToolRunnerAssert(call("execute_sql", Map.of("branch", branch, "sql", "select 1/0")))
                .refused("SQL_ERROR");

        List<AuditRecord> records = recordsFor(branch);
        assertThat(records).extracting(AuditRecord::tool, AuditRecord::outcome, AuditRecord::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("create_branch", "ok", null),
                org.assertj.core.groups.Tuple.tuple("apply_on_branch", "ROLLBACK_REQUIRED", "refused"),
                org.assertj.core.groups.Tuple.tuple("execute_sql", "BLOCKED_PATTERN", "refused"),
                org.assertj.core.groups.Tuple.tuple("execute_sql", "SQL_ERROR", null));
        AuditRecord noRollback = records.get(1);
        assertThat(noRollback.message()).startsWith("apply_on_branch needs `rollback_sql`");
        assertThat(noRollback.migrations()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("no_rollback");
            assertThat(m.upSha256()).hasSize(64);
            assertThat(m.rollbackSha256()).isNull();
        });
        call("delete_branch", Map.of("branch", branch));
    }

    @Test
    void readOnlyCallsWriteNothing() throws Exception {
        String branch = unique("reads");
        new ToolRunnerAssert(call("create_branch", Map.of("name", branch, "seed", false))).ok();
        long before = lines();
        new ToolRunnerAssert(call("list_branches", Map.of())).ok();
        new ToolRunnerAssert(call("execute_sql", Map.of("sql", "select 1", "target", "main"))).ok();
        new ToolRunnerAssert(call("list_tables", Map.of("branch", branch))).ok();
        new ToolRunnerAssert(call("validate_sql", Map.of("sql", "select 1"))).ok();
        new ToolRunnerAssert(call("execute_sql", Map.of("sql", "insert into public.posts default values", "target", "main")))
                .refused("READ_ONLY_VIOLATION");
        assertThat(lines()).isEqualTo(before);
        call("delete_branch", Map.of("branch", branch));
    }

    @Test
    void cliCallsAreRecordedAsTheCli() {
        String branch = unique("cli");
        tools.toolbox().call("create_branch", Map.of("name", branch, "seed", false), CallContext.CLI);
        tools.toolbox().call("delete_branch", Map.of("branch", branch), CallContext.CLI);
        assertThat(recordsFor(branch)).extracting(AuditRecord::client).containsExactly("drydock-cli", "drydock-cli");
    }

    @Test
    void secretsInArgumentsAndConfigurationNeverReachTheFile() throws Exception {
        String branch = unique("secret");
        new ToolRunnerAssert(call("create_branch", Map.of("name", branch, "seed", false))).ok();
        ToolRunner.Response r = call("apply_on_branch", Map.of("branch", branch, "name", "leak",
                "version", "postgres://bob:Hunter2-Secret@db.example.com/app",
                "sql", "select 'Vault-Secret-42';", "rollback_sql", "select 1;"));
        assertThat(r.isError()).isTrue();
        new ToolRunnerAssert(call("execute_sql", Map.of("branch", branch,
                "sql", "select 'postgres://bob:Hunter2-Secret@db.example.com/app'::int"))).refused("SQL_ERROR");
        assertThat(recordsFor(branch)).hasSize(3);
        assertThat(Files.readString(log().file())).doesNotContain("Hunter2-Secret", "Vault-Secret-42");
        call("delete_branch", Map.of("branch", branch));
    }

    private static long lines() throws Exception {
        return Files.exists(log().file()) ? Files.readAllLines(log().file()).size() : 0;
    }
}

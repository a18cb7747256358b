package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drydock plan} from the packaged jar: the plan's text, the same result as JSON, and exit codes. */
class PlanCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path dir;
    private static String url;
    private static Path addColumn;
    private static Path rollback;
    private static Path dropTable;

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("plan", "--project", dir.toString()));
        all.addAll(List.of(args));
        try (JarProcess drydock = JarProcess.start(all, Map.of())) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(90));
            return new Run(exit, out, drydock.stderr());
        }
    }

    @BeforeAll
    static void files() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, "create table public.notes (id bigint primary key, body text)",
                "insert into public.notes select g, 'x' from generate_series(1, 1000) g", "analyze public.notes");
        url = ToolHarness.jdbc(db);
        dir = Files.createTempDirectory("drydock-plan");
        addColumn = Files.writeString(dir.resolve("up.sql"), "alter table public.notes add column org_id bigint;\n"
                + "alter table public.notes alter column body set default '';\n");
        rollback = Files.writeString(dir.resolve("down.sql"), "alter table public.notes drop column org_id;\n");
        dropTable = Files.writeString(dir.resolve("drop.sql"), "drop table public.notes;\n");
    }

    @Test
    void aPlanPrintsItsTextAndExitsWithZero() throws Exception {
        Run run = run(addColumn.toString(), "--database-url", url);
        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Plan: 2 statement(s), overall risk ").contains("target 'default'")
                .contains("ALTER TABLE public.notes ALTER COLUMN body DROP DEFAULT;")
                .contains("ALTER TABLE public.notes DROP COLUMN org_id;").containsPattern("plan_id [0-9a-f]{64}");
    }

    @Test
    void jsonIsTheToolsResultWithTheGivenRollback() throws Exception {
        Run run = run(addColumn.toString(), "--rollback", rollback.toString(), "--json", "--database-url", url);
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode plan = JSON.readTree(run.stdout());
        assertThat(plan.path("target").asString()).isEqualTo("default");
        assertThat(plan.path("plan_id").asString()).hasSize(64);
        assertThat(plan.path("operations").size()).isEqualTo(2);
        assertThat(plan.path("operations").get(0).path("lock").path("mode").asString()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(plan.path("rollbackPlan").path("source").asString()).isEqualTo("given");
        assertThat(plan.path("rollbackPlan").path("uncovered").size()).isZero();
        assertThat(plan.path("riskAssessment").path("overallRisk").isInt()).isTrue();
    }

    @Test
    void errorFindingsExitWithOneAndBadInputWithTwo() throws Exception {
        Run drop = run(dropTable.toString(), "--database-url", url);
        assertThat(drop.exit()).as(drop.stdout() + drop.stderr()).isEqualTo(1);
        assertThat(drop.stdout()).contains("error drop-table").contains("Blocked patterns hit")
                .contains("CREATE TABLE public.backup_notes_");
        Run missing = run(dir.resolve("nope.sql").toString(), "--database-url", url);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nope.sql");
        assertThat(missing.stdout()).isEmpty();
        Run unknownTarget = run(addColumn.toString(), "--target", "prod", "--database-url", url);
        assertThat(unknownTarget.exit()).isEqualTo(2);
        assertThat(unknownTarget.stderr()).contains("UNKNOWN_TARGET");
        assertThat(run().exit()).as("FILE is required").isEqualTo(2);
    }

    @Test
    void anUnreachableDefaultTargetStillGivesAPlanWithoutTargetFacts() throws Exception {
        Run run = run(addColumn.toString(), "--json", "--database-url", "postgres://nobody@127.0.0.1:1/none");
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode plan = JSON.readTree(run.stdout());
        assertThat(plan.path("target").isNull()).isTrue();
        assertThat(plan.path("schemaFingerprint").asString()).isEqualTo("none");
        assertThat(plan.path("rollbackPlan").path("sql").asString())
                .contains("-- TODO: old default of public.notes.body unknown without a target");
        Run named = run(addColumn.toString(), "--target", "default", "--database-url", "postgres://nobody@127.0.0.1:1/none");
        assertThat(named.exit()).isEqualTo(2);
        assertThat(named.stderr()).contains("TARGET_UNREACHABLE");
    }
}

package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.drydock.e2e.TargetProbe.await;
import static dev.drydock.e2e.TargetProbe.exists;
import static dev.drydock.e2e.TargetProbe.fingerprint;
import static dev.drydock.e2e.TargetProbe.one;
import static dev.drydock.e2e.TargetProbe.sessionsOtherThanOurs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of apply_migration, through the MCP client on the packaged jar: a server process
 * killed with SIGKILL at a random moment while it applies a multi-statement migration leaves its
 * target either exactly as it was (no column, no history row, not even Drydock's tables) or fully
 * migrated with its history rows, never in between; and a fresh server then completes the apply.
 *
 * <p>The migration is proved once on a branch (on the branch server); its evidence depends on the
 * files only, so it holds for every server process and every target. Each trial has a target of
 * its own, cloned from the example on a second PostgreSQL server, and a server process of its own,
 * killed after a random delay: trial {@code i} of {@code n} draws it from the {@code i}-th of
 * {@code n} equal slices of a window a little longer than one whole apply (the faster of two, measured
 * in the same conditions), so the kills cover the guards, every statement, the commit and the answer.
 * Every trial prints what the server's sessions on the target were doing when it was killed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashTrialsIT {
    private static final int TRIALS = 30;
    private static final String NAME = "crash_safe";
    /** Statements that take their time: a table filled and rewritten, an index built, two sleeps. */
    private static final String UP = """
            create table public.crash_events (id bigint primary key, payload text not null);
            insert into public.crash_events select g, md5(g::text) from generate_series(1, 50000) g;
            alter table public.posts add column crash_a text;
            select pg_sleep(0.2);
            update public.crash_events set payload = upper(payload);
            alter table public.posts add column crash_b integer;
            create index crash_events_payload_idx on public.crash_events (payload);
            select pg_sleep(0.2);
            alter table public.posts add column crash_c boolean not null default false;
            """;
    private static final String DOWN = """
            alter table public.posts drop column crash_c;
            drop index public.crash_events_payload_idx;
            alter table public.posts drop column crash_b;
            alter table public.posts drop column crash_a;
            drop table public.crash_events;
            """;

    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "crash-trial-call");
        t.setDaemon(true);
        return t;
    });
    private final List<DatabaseUrl> databases = new ArrayList<>();

    /** What a trial left: the target's fingerprint and the rows of the migration's table. */
    private record Observed(TargetProbe.Fingerprint fingerprint, String events) {
    }

    private enum Outcome { UNTOUCHED, COMPLETE }

    private record Trial(int number, long delayMillis, Killed killed, Outcome outcome) {
    }

    @AfterAll
    void dropTargets() {
        calls.shutdownNow();
        for (DatabaseUrl db : databases) {
            TestPostgres.execute(TestPostgres.targetAdmin(), "DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
        }
    }

    @Test
    void aServerKilledAtRandomMomentsOfAnApplyLeavesTheTargetUntouchedOrFullyMigratedAndARerunCompletes() throws Exception {
        Map<String, DatabaseUrl> targets = new LinkedHashMap<>();
        targets.put("calibration", newTarget());
        targets.put("calibration2", newTarget());
        for (int i = 1; i <= TRIALS; i++) {
            targets.put(trialTarget(i), newTarget());
        }
        Path state = Files.createTempDirectory("drydock-state");
        Map<String, String> env = Map.of("DRYDOCK_STATE_DIR", state.toString());
        Path project = project(targets);

        String version;
        try (StdioSession s = new StdioSession(project, env, null)) {
            version = s.prove(NAME, UP, DOWN);
        }
        Observed before = observe(targets.get("calibration"));
        assertThat(before.fingerprint().log()).isEqualTo("no table");
        assertThat(before.fingerprint().audit()).isEqualTo("no table");

        // Whole applies by fresh servers, as each trial's will be: how long the window is, and what "fully migrated" is.
        long window = Math.min(wholeApply(project, env, "calibration"), wholeApply(project, env, "calibration2")) * 6 / 5;
        Observed migrated = observe(targets.get("calibration"));
        assertThat(observe(targets.get("calibration2"))).isEqualTo(migrated);
        assertThat(migrated.fingerprint().columns()).contains("posts.crash_a", "posts.crash_b", "posts.crash_c");
        assertThat(migrated.fingerprint().indexes()).contains("crash_events_payload_idx");
        assertThat(migrated.fingerprint().history()).contains(version + " " + NAME);
        assertThat(migrated.fingerprint().log()).startsWith(version + " applied ");
        assertThat(migrated.events()).isEqualTo("50000 rows, 50000 upper");

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Trial> trials = new ArrayList<>();
        for (int i = 1; i <= TRIALS; i++) {
            DatabaseUrl target = targets.get(trialTarget(i));
            assertThat(observe(target)).isEqualTo(before);
            long delay = (long) ((i - 1 + random.nextDouble()) / TRIALS * window);
            Killed killed = killDuringApply(project, env, trialTarget(i), target, delay);
            Observed after = observe(target);
            Outcome outcome = after.equals(before) ? Outcome.UNTOUCHED : after.equals(migrated) ? Outcome.COMPLETE : null;
            assertThat(outcome).as("trial %d (seed %d, killed after %d ms): the target is neither untouched nor fully "
                    + "migrated:\n%s\n\nuntouched:\n%s\n\nfully migrated:\n%s", i, seed, delay, after, before, migrated)
                    .isNotNull();
            if (killed.answered()) {
                assertThat(outcome).as("trial %d: the server answered APPLIED before it was killed", i).isEqualTo(Outcome.COMPLETE);
            }
            if (killed.inTransaction()) {
                assertThat(outcome).as("trial %d: killed in the migration's open transaction", i).isEqualTo(Outcome.UNTOUCHED);
            }
            trials.add(new Trial(i, delay, killed, outcome));
        }

        // A fresh server completes every target: what was untouched is applied, what was complete has nothing pending.
        try (StdioSession s = new StdioSession(project, env, null)) {
            for (Trial t : trials) {
                Map<String, Object> rerun = s.ok("apply_migration", Map.of("target", trialTarget(t.number())));
                assertThat(rerun).as("rerun of trial %d", t.number())
                        .containsEntry("status", t.outcome() == Outcome.UNTOUCHED ? "APPLIED" : "NOTHING_PENDING");
                assertThat(observe(targets.get(trialTarget(t.number())))).as("trial %d after the rerun", t.number())
                        .isEqualTo(migrated);
            }
        }

        report(seed, window, trials);
        // The first slice kills the server before the migration's transaction could commit.
        assertThat(trials).anyMatch(t -> t.outcome() == Outcome.UNTOUCHED);
    }

    /** Milliseconds from the call to the answer of one apply_migration on a new server. */
    private static long wholeApply(Path project, Map<String, String> env, String target) {
        try (StdioSession s = new StdioSession(project, env, null)) {
            long start = System.nanoTime();
            assertThat(s.ok("apply_migration", Map.of("target", target))).containsEntry("status", "APPLIED");
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
    }

    /**
     * Starts a server, calls apply_migration on {@code targetName}, kills the server with SIGKILL
     * {@code delayMillis} later, and waits until its sessions on the target are gone. Returns
     * whether the call had been answered.
     */
    private Killed killDuringApply(Path project, Map<String, String> env, String targetName, DatabaseUrl target,
                                   long delayMillis) throws Exception {
        StdioSession doomed = new StdioSession(project, env, null, Duration.ofSeconds(60));
        Future<CallToolResult> call;
        boolean answered;
        String activity;
        try (Connection probe = TestPostgres.connect(target)) {
            call = calls.submit(() -> doomed.call("apply_migration", Map.of("target", targetName)));
            Thread.sleep(delayMillis);
            answered = call.isDone();
            activity = activity(probe);
            doomed.server.destroyForcibly();
            doomed.server.onExit().get(60, TimeUnit.SECONDS);
        } finally {
            doomed.client.close();
        }
        if (answered) {
            CallToolResult r = call.get();
            assertThat(r.isError()).as(doomed.lastText).isFalse();
        }
        call.cancel(true);
        // A backend notices its client is gone when it next talks to it: after the statement it is running.
        await("the killed server's sessions on " + targetName + " to end", () -> sessionsOtherThanOurs(target) == 0);
        return new Killed(answered, activity);
    }

    /** What a trial's kill interrupted: whether the server had answered, and what its sessions on the target were doing. */
    private record Killed(boolean answered, String activity) {
        boolean inTransaction() {
            return activity.startsWith(WRITING);
        }
    }

    private static final String WRITING = "in its transaction, ";

    /**
     * The server's sessions on the target just before the kill: the one whose transaction has
     * written (it has a transaction id), or else what the others are doing.
     */
    private static String activity(Connection probe) throws SQLException {
        try (Statement st = probe.createStatement(); ResultSet rs = st.executeQuery("""
                select backend_xid is not null, state, left(regexp_replace(query, '\\s+', ' ', 'g'), 60)
                from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                order by backend_xid is not null desc, state = 'active' desc""")) {
            if (!rs.next()) {
                return "no session on the target";
            }
            return (rs.getBoolean(1) ? WRITING : "") + rs.getString(2) + ": " + rs.getString(3);
        }
    }

    private static void report(long seed, long window, List<Trial> trials) {
        long untouched = trials.stream().filter(t -> t.outcome() == Outcome.UNTOUCHED).count();
        long inTransaction = trials.stream().filter(t -> t.killed().inTransaction()).count();
        long answered = trials.stream().filter(t -> t.killed().answered()).count();
        StringBuilder out = new StringBuilder("CrashTrialsIT: " + trials.size() + " trials (seed " + seed + ", kill window "
                + window + " ms): " + untouched + " untouched (" + inTransaction + " killed inside the migration's transaction "
                + "after it had written), " + (trials.size() - untouched) + " fully migrated (" + answered
                + " killed after the server had answered); none in between; every rerun completed.\n");
        for (Trial t : trials) {
            out.append(String.format("  trial %2d: killed after %5d ms -> %-9s %s%n", t.number(), t.delayMillis(), t.outcome(),
                    t.killed().answered() ? "(answered)" : t.killed().activity()));
        }
        System.out.print(out);
    }

    private DatabaseUrl newTarget() {
        DatabaseUrl db = TestPostgres.exampleDatabaseOnTargetServer();
        databases.add(db);
        return db;
    }

    private static String trialTarget(int i) {
        return String.format("trial%02d", i);
    }

    private static Observed observe(DatabaseUrl url) throws SQLException {
        String events = exists(url, "public.crash_events") ? one(url, "select count(*) || ' rows, ' || "
                + "count(*) filter (where payload = upper(payload)) || ' upper' from public.crash_events") : "no table";
        return new Observed(fingerprint(url), events);
    }

    /** The example project, every target on the second server, branches on the branch server. */
    private static Path project(Map<String, DatabaseUrl> targets) throws Exception {
        assertThat(targets.get("calibration").hosts()).isNotEqualTo(TestPostgres.admin().hosts());
        StringBuilder yaml = new StringBuilder("targets:\n");
        targets.forEach((name, url) -> yaml.append("  ").append(name).append(":\n    url: ").append(ToolHarness.jdbc(url))
                .append('\n'));
        Path dir = Projects.copyOfExample();
        Files.writeString(dir.resolve("drydock.yaml"), yaml + "defaultTarget: calibration\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n");
        return dir;
    }
}

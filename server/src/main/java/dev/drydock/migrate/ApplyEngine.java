package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.Progress;
import dev.drydock.db.Redactor;
import dev.drydock.sql.Detail;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs migrations and rollbacks on a target, the only code that changes one.
 *
 * <ul>
 *   <li>One apply at a time per target: a session-level advisory lock, taken on a dedicated
 *       connection that does nothing else (never a transaction-level lock, which a step outside a
 *       transaction would release). A second apply waits up to {@code targetLockWait}, then fails
 *       with {@code TARGET_BUSY} naming the session that holds it.</li>
 *   <li>{@code lock_timeout} and {@code statement_timeout} for every statement. A step that runs
 *       into {@code lock_timeout} is rolled back and tried again after 1 s, 2 s, 4 s… up to
 *       {@code lockRetries} tries; every wait is reported.</li>
 *   <li>A migration whose statements may all run in a transaction runs in one, together with its
 *       history rows ({@code supabase_migrations.schema_migrations}, {@code drydock.migration_log})
 *       and whatever else the caller writes (the audit row): it is applied whole or not at all,
 *       even if the process is killed.</li>
 *   <li>A migration with steps outside a transaction ({@code CREATE INDEX CONCURRENTLY},
 *       {@code -- drydock:no-transaction}) is recorded as {@code applying} first, and each step
 *       is marked done as it completes, so an apply that stops part-way continues where it
 *       stopped when called again. Before a step outside a transaction runs again, an INVALID
 *       index it left is dropped, and an index it completed is taken as done.</li>
 * </ul>
 */
public final class ApplyEngine {
    private static final String LOCK_KEY = "drydock:migrations";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** The limits an apply runs under (policy.* in drydock.yaml). */
    public record Settings(Duration lockTimeout, int lockRetries, Duration statementTimeout, Duration targetLockWait) {
    }

    /**
     * One migration to apply (or, for a rollback, to undo).
     *
     * @param steps the script to run, cut into steps: the up script to apply, the stored rollback to undo
     */
    public record Unit(String version, String name, String up, String rollbackSql, String upSha256, String rollbackSha256,
                       Long evidenceId, List<MigrationSteps.Step> steps) {
        public Unit {
            steps = List.copyOf(steps);
        }

        int statementCount() {
            return steps.stream().mapToInt(s -> s.statements().size()).sum();
        }
    }

    /** Who and what an apply records with each migration. */
    public record Meta(String planId, String approvedBy, String appliedBy) {
    }

    /** A statement as it ran. */
    public record StatementRun(String version, int step, int statementIndex, int line, String statement, long millis) {
    }

    /** A lock wait that ended in lock_timeout: the step was rolled back and (unless it was the last try) tried again. */
    public record LockWait(String version, int step, int attempt, String statement, String message, long backoffMillis) {
    }

    /** One migration done. */
    public record Done(String version, String name, long millis, int steps, int stepsResumed, List<StatementRun> statements) {
    }

    /** What the caller adds inside the transaction that records a migration (the target's audit row). */
    @FunctionalInterface
    public interface InRecord {
        void write(Connection c, Unit unit) throws SQLException;
    }

    private final Settings settings;
    private final Redactor redactor;
    private final JsonMapper json;

    public ApplyEngine(Settings settings, Redactor redactor, JsonMapper json) {
        this.settings = settings;
        this.redactor = redactor;
        this.json = json;
    }

    /** The target's migration lock, held until closed. */
    public final class TargetLock implements AutoCloseable {
        private final Connection c;

        private TargetLock(Connection c) {
            this.c = c;
        }

        @Override
        public void close() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                ps.setString(1, LOCK_KEY);
                ps.execute();
            } finally {
                c.close();
            }
        }
    }

    /**
     * Takes the target's migration lock on {@code dedicated} (which it closes when released), waiting
     * up to {@code targetLockWait}.
     */
    public TargetLock lock(Connection dedicated, String target) throws SQLException {
        long deadline = System.nanoTime() + settings.targetLockWait().toNanos();
        while (true) {
            try (PreparedStatement ps = dedicated.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                ps.setString(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new TargetLock(dedicated);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                String holder = holder(dedicated);
                dedicated.close();
                throw new DrydockException(ErrorCode.TARGET_BUSY, "Target '" + target + "' is busy: another apply or rollback "
                        + "holds its migration lock (" + holder + ") and did not finish within "
                        + settings.targetLockWait().toSeconds() + " s.",
                        "Wait for it to finish; policy.targetLockWait in drydock.yaml sets how long to wait.",
                        "list_migrations with target '" + target + "', to see what it applied",
                        "call again once it has finished");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dedicated.close();
                throw new DrydockException(ErrorCode.TARGET_BUSY, "Interrupted while waiting for the migration lock of target '"
                        + target + "'; nothing ran.", "Call again.");
            }
        }
    }

    /** Who holds the lock, as pg_stat_activity tells it. */
    private static String holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.pid, a.application_name, host(a.client_addr), a.usename, a.backend_start, a.state
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(?, 0)
                LIMIT 1""")) {
            ps.setString(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "its session has just ended";
                }
                return "session pid " + rs.getInt(1) + ", application '" + rs.getString(2) + "', user " + rs.getString(4)
                        + (rs.getString(3) == null ? "" : " from " + rs.getString(3)) + ", connected since "
                        + rs.getObject(5, java.time.OffsetDateTime.class) + ", now " + rs.getString(6);
            }
        }
    }

    /**
     * Applies {@code unit} on {@code c} (its own connection, not the lock's). Throws
     * {@code MIGRATION_FAILED} (the migration's transaction rolled back; or, for a migration with
     * steps outside a transaction, the steps done so far kept and recorded for a resume) or
     * {@code LOCK_TIMEOUT}.
     */
    public Done apply(Connection c, String target, Unit unit, Meta meta, InRecord inRecord, List<LockWait> waits,
                      Progress progress) throws SQLException {
        long start = System.nanoTime();
        List<StatementRun> runs = new ArrayList<>();
        boolean allTransactional = unit.steps().stream().allMatch(MigrationSteps.Step::transactional);
        if (allTransactional) {
            retrying(c, target, unit, false, 1, waits, () -> {
                begin(c);
                prepareTables(c);
                for (MigrationSteps.Step step : unit.steps()) {
                    run(c, target, unit, 1, step, runs, progress);
                }
                recordApplied(c, unit, meta, stepsJson(unit, unit.steps().size(), runs), start);
                inRecord.write(c, unit);
                c.commit();
            });
            return new Done(unit.version(), unit.name(), millis(start), unit.steps().size(), 0, runs);
        }
        int done = startOrResume(c, target, unit, meta);
        int resumed = done;
        for (int i = done; i < unit.steps().size(); i++) {
            MigrationSteps.Step step = unit.steps().get(i);
            int stepNumber = i + 1;
            boolean last = i == unit.steps().size() - 1;
            if (step.transactional()) {
                retrying(c, target, unit, false, stepNumber, waits, () -> {
                    begin(c);
                    run(c, target, unit, stepNumber, step, runs, progress);
                    markDone(c, unit, stepNumber);
                    if (last) {
                        finishApplying(c, unit, start);
                        inRecord.write(c, unit);
                    }
                    c.commit();
                });
            } else {
                retrying(c, target, unit, false, stepNumber, waits, () -> {
                    c.setAutoCommit(true);
                    StatementInfo s = step.statements().get(0);
                    if (!alreadyDone(c, s)) {
                        cleanUpAfterFailure(c, s);
                        runAlone(c, target, unit, stepNumber, step, runs, progress);
                    }
                    begin(c);
                    markDone(c, unit, stepNumber);
                    if (last) {
                        finishApplying(c, unit, start);
                        inRecord.write(c, unit);
                    }
                    c.commit();
                });
            }
        }
        return new Done(unit.version(), unit.name(), millis(start), unit.steps().size(), resumed, runs);
    }

    /**
     * Rolls {@code unit} back: its stored rollback SQL ({@code unit.steps()}), then the history rows
     * removed (and the log row marked rolled back) in the same transaction as the last step.
     */
    public Done rollback(Connection c, String target, Unit unit, Meta meta, InRecord inRecord, List<LockWait> waits,
                         Progress progress) throws SQLException {
        long start = System.nanoTime();
        List<StatementRun> runs = new ArrayList<>();
        if (unit.steps().stream().allMatch(MigrationSteps.Step::transactional)) {
            retrying(c, target, unit, true, 1, waits, () -> {
                begin(c);
                for (MigrationSteps.Step step : unit.steps()) {
                    run(c, target, unit, 1, step, runs, progress);
                }
                recordRolledBack(c, unit, meta);
                inRecord.write(c, unit);
                c.commit();
            });
            return new Done(unit.version(), unit.name(), millis(start), unit.steps().size(), 0, runs);
        }
        for (int i = 0; i < unit.steps().size(); i++) {
            MigrationSteps.Step step = unit.steps().get(i);
            int stepNumber = i + 1;
            boolean last = i == unit.steps().size() - 1;
            retrying(c, target, unit, true, stepNumber, waits, () -> {
                if (step.transactional()) {
                    begin(c);
                    run(c, target, unit, stepNumber, step, runs, progress);
                } else {
                    c.setAutoCommit(true);
                    runAlone(c, target, unit, stepNumber, step, runs, progress);
                    begin(c);
                }
                if (last) {
                    recordRolledBack(c, unit, meta);
                    inRecord.write(c, unit);
                }
                c.commit();
            });
        }
        return new Done(unit.version(), unit.name(), millis(start), unit.steps().size(), 0, runs);
    }

    private interface Attempt {
        void run() throws SQLException;
    }

    /** Runs {@code attempt}; on lock_timeout rolls back, waits and tries again, up to lockRetries tries. */
    private void retrying(Connection c, String target, Unit unit, boolean rollingBack, int step, List<LockWait> waits,
                          Attempt attempt) throws SQLException {
        for (int tryNumber = 1; ; tryNumber++) {
            try {
                attempt.run();
                return;
            } catch (LockTimeout e) {
                rollbackQuietly(c);
                boolean again = tryNumber < settings.lockRetries();
                long backoff = again ? 1000L << (tryNumber - 1) : 0;
                waits.add(new LockWait(unit.version(), step, tryNumber, e.statement, e.getMessage(), backoff));
                if (!again) {
                    throw lockTimeout(target, unit, rollingBack, step, tryNumber, e, waits);
                }
                sleep(backoff);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private DrydockException lockTimeout(String target, Unit unit, boolean rollingBack, int step, int tries, LockTimeout e,
                                         List<LockWait> waits) {
        boolean allTransactional = unit.steps().stream().allMatch(MigrationSteps.Step::transactional);
        String after = allTransactional
                ? ": the target is as it was before this " + (rollingBack ? "rollback." : "migration.")
                : rollingBack
                ? "; steps before it ran outside a transaction and stay rolled back, and the migration is still recorded as "
                        + "applied: the next rollback runs its rollback SQL from step 1 again."
                : "; steps before it stay applied and recorded, and the next apply_migration resumes at this step.";
        return new DrydockException(ErrorCode.LOCK_TIMEOUT, (rollingBack ? "The rollback of " : "Migration ") + unit.version()
                + "_" + unit.name() + " on target '" + target + "': step " + step + " waited longer than lock_timeout ("
                + settings.lockTimeout().toMillis() + " ms) for a lock on each of " + tries + " tries (" + e.getMessage()
                + "). Statement: " + e.statement + ". Each try was rolled back" + after + "\nWaits: "
                + String.join("; ", waits.stream().filter(w -> w.version().equals(unit.version()) && w.step() == step)
                .map(w -> "try " + w.attempt() + " timed out after " + settings.lockTimeout().toMillis() + " ms"
                        + (w.backoffMillis() > 0 ? ", then " + w.backoffMillis() + " ms before the next" : "")).toList()) + ".",
                "Something holds a conflicting lock on the table (a long query or an open transaction): find it in "
                        + "pg_stat_activity, or retry at a quieter time; policy.lockTimeout and policy.lockRetries "
                        + "in drydock.yaml set the limits.",
                (rollingBack ? "rollback" : "apply_migration") + " again once the blocker is gone");
    }

    /** lock_timeout from one statement, with the statement, so the retry loop can report it. */
    private static final class LockTimeout extends RuntimeException {
        private final String statement;

        LockTimeout(String statement, String message) {
            super(message, null, false, false);
            this.statement = statement;
        }
    }

    private void run(Connection c, String target, Unit unit, int stepNumber, MigrationSteps.Step step,
                     List<StatementRun> runs, Progress progress) throws SQLException {
        int count = unit.statementCount();
        for (StatementInfo s : step.statements()) {
            long t = System.nanoTime();
            progress.report(runs.size(), (double) count, unit.version() + "_" + unit.name() + ": statement "
                    + (s.statement().index() + 1) + " of " + count + " (line " + s.line() + ")");
            try (Statement st = c.createStatement()) {
                st.execute(s.statement().text());
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw new LockTimeout(shorten(s.statement().text()), redactor.redact(String.valueOf(e.getMessage())));
                }
                DrydockException pg = dev.drydock.db.SqlErrors.translate(e, target, redactor);
                StatementFailure f = StatementFailure.of(unit.version() + "_" + unit.name() + ".sql", s.statement().index() + 1,
                        count, s.line(), s.statement().text(), pg);
                throw new StepFailed(f, stepNumber);
            }
            runs.add(new StatementRun(unit.version(), stepNumber, s.statement().index() + 1, s.line(),
                    shorten(s.statement().text()), millis(t)));
        }
    }

    /** A statement PostgreSQL refused, in step {@code step}. */
    public static final class StepFailed extends RuntimeException {
        private final transient StatementFailure failure;
        private final int step;

        StepFailed(StatementFailure failure, int step) {
            super(failure.describe(), null, false, false);
            this.failure = failure;
            this.step = step;
        }

        public StatementFailure failure() {
            return failure;
        }

        public int step() {
            return step;
        }
    }

    private void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + settings.lockTimeout().toMillis());
            st.execute("SET LOCAL statement_timeout = " + settings.statementTimeout().toMillis());
        }
    }

    /** A step outside any transaction (autocommit), under the same limits, set for the session and reset after. */
    private void runAlone(Connection c, String target, Unit unit, int stepNumber, MigrationSteps.Step step,
                          List<StatementRun> runs, Progress progress) throws SQLException {
        sessionLimits(c, true);
        try {
            run(c, target, unit, stepNumber, step, runs, progress);
        } finally {
            sessionLimits(c, false);
        }
    }

    private void sessionLimits(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (on) {
                st.execute("SET lock_timeout = " + settings.lockTimeout().toMillis());
                st.execute("SET statement_timeout = " + settings.statementTimeout().toMillis());
            } else {
                st.execute("RESET lock_timeout");
                st.execute("RESET statement_timeout");
            }
        }
    }

    private static void prepareTables(Connection c) throws SQLException {
        SupabaseHistory.ensureTables(c);
        TargetLog.ensureTables(c);
    }

    /** Records a new migration as applying, or finds where an earlier apply of it stopped. Returns the steps done. */
    private int startOrResume(Connection c, String target, Unit unit, Meta meta) throws SQLException {
        begin(c);
        try {
            prepareTables(c);
            TargetLog.Entry existing = TargetLog.current(c).get(unit.version());
            if (existing != null) {
                c.rollback();
                if (!TargetLog.APPLYING.equals(existing.state()) || !existing.upSha256().equals(unit.upSha256())) {
                    throw new DrydockException(ErrorCode.HISTORY_DRIFT, "Migration " + unit.version() + " is recorded on target '"
                            + target + "' as " + existing.state() + " with up SHA-256 " + existing.upSha256()
                            + ", but the file now has " + unit.upSha256() + ".",
                            "A migration that was started must be finished with the same file: restore it.",
                            "list_migrations with target '" + target + "'");
                }
                return doneSteps(existing.steps());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drydock.migration_log(version, name, state, up_sha256, "
                    + "rollback_sha256, rollback_sql, evidence_id, plan_id, approved_by, applied_by, steps) "
                    + "VALUES (?, ?, 'applying', ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                bindLog(ps, unit, meta);
                ps.setString(10, stepsJson(unit, 0, List.of()));
                ps.executeUpdate();
            }
            c.commit();
            return 0;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    private int doneSteps(String stepsJson) {
        List<?> steps = json.readValue(stepsJson, List.class);
        int done = 0;
        for (Object o : steps) {
            if (o instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("done"))) {
                done++;
            } else {
                break;
            }
        }
        return done;
    }

    private void markDone(Connection c, Unit unit, int step) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE drydock.migration_log SET steps = jsonb_set(steps, ?::text[], "
                + "'true'::jsonb) WHERE version = ? AND state = 'applying'")) {
            ps.setString(1, "{" + (step - 1) + ",done}");
            ps.setString(2, unit.version());
            ps.executeUpdate();
        }
    }

    private void finishApplying(Connection c, Unit unit, long start) throws SQLException {
        SupabaseHistory.insert(c, unit.version(), unit.name(), dev.drydock.sql.Splitter.supabaseStatements(unit.up()));
        try (PreparedStatement ps = c.prepareStatement("UPDATE drydock.migration_log SET state = 'applied', applied_at = now(), "
                + "duration_ms = ? WHERE version = ? AND state = 'applying'")) {
            ps.setLong(1, millis(start));
            ps.setString(2, unit.version());
            ps.executeUpdate();
        }
    }

    private void recordApplied(Connection c, Unit unit, Meta meta, String steps, long start) throws SQLException {
        SupabaseHistory.insert(c, unit.version(), unit.name(), dev.drydock.sql.Splitter.supabaseStatements(unit.up()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drydock.migration_log(version, name, state, up_sha256, "
                + "rollback_sha256, rollback_sql, evidence_id, plan_id, approved_by, applied_by, steps, duration_ms) "
                + "VALUES (?, ?, 'applied', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            bindLog(ps, unit, meta);
            ps.setString(10, steps);
            ps.setLong(11, millis(start));
            ps.executeUpdate();
        }
    }

    private static void bindLog(PreparedStatement ps, Unit unit, Meta meta) throws SQLException {
        ps.setString(1, unit.version());
        ps.setString(2, unit.name());
        ps.setString(3, unit.upSha256());
        ps.setString(4, unit.rollbackSha256());
        ps.setString(5, unit.rollbackSql());
        ps.setObject(6, unit.evidenceId());
        ps.setString(7, meta.planId());
        ps.setString(8, meta.approvedBy());
        ps.setString(9, meta.appliedBy());
    }

    private static void recordRolledBack(Connection c, Unit unit, Meta meta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM supabase_migrations.schema_migrations WHERE version = ?")) {
            ps.setString(1, unit.version());
            ps.executeUpdate();
        }
        if (TargetLog.exists(c)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE drydock.migration_log SET state = 'rolled_back', "
                    + "rolled_back_at = now(), rolled_back_by = ? WHERE version = ? AND state <> 'rolled_back'")) {
                ps.setString(1, meta.appliedBy() + (meta.approvedBy() == null ? "" : " (approved by " + meta.approvedBy() + ")"));
                ps.setString(2, unit.version());
                ps.executeUpdate();
            }
        }
    }

    /** The steps as the log keeps them: {@code done} set for the first {@code done} steps. */
    private String stepsJson(Unit unit, int done, List<StatementRun> runs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < unit.steps().size(); i++) {
            MigrationSteps.Step s = unit.steps().get(i);
            int step = i + 1;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("transactional", s.transactional());
            m.put("statements", s.statements().size());
            m.put("millis", runs.stream().filter(r -> r.step() == step).mapToLong(StatementRun::millis).sum());
            m.put("done", i < done);
            out.add(m);
        }
        return json.writeValueAsString(out);
    }

    /**
     * Whether a step outside a transaction finished before a crash without being marked: an index
     * built concurrently that exists and is valid.
     */
    private static boolean alreadyDone(Connection c, StatementInfo s) throws SQLException {
        String index = concurrentIndex(s);
        if (index == null) {
            return false;
        }
        Boolean valid = indexValid(c, index);
        return Boolean.TRUE.equals(valid);
    }

    /** Drops the INVALID index a failed or interrupted {@code CREATE INDEX CONCURRENTLY} leaves behind. */
    private static void cleanUpAfterFailure(Connection c, StatementInfo s) throws SQLException {
        String index = concurrentIndex(s);
        if (index != null && Boolean.FALSE.equals(indexValid(c, index))) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
            }
        }
    }

    /** The schema-qualified, quoted name of the index a {@code CREATE INDEX CONCURRENTLY} builds, or null. */
    private static String concurrentIndex(StatementInfo s) {
        if (s.kind() != StatementKind.CREATE_INDEX || !(s.detail() instanceof Detail.Index idx) || !idx.concurrently()
                || idx.name() == null) {
            return null;
        }
        // An index lives in its table's schema; an unqualified table is found on the session's search_path, as the
        // statement itself finds it.
        String name = dev.drydock.sql.Identifiers.quote(idx.name().name());
        if (idx.table() == null || idx.table().schema() == null) {
            return name;
        }
        return dev.drydock.sql.Identifiers.quote(idx.table().schema()) + "." + name;
    }

    /** True/false for a valid/INVALID index, null when there is none. */
    private static Boolean indexValid(Connection c, String qualified) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is going anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shorten(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

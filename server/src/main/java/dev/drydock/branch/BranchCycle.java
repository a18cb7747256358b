package dev.drydock.branch;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.Progress;
import dev.drydock.catalog.SchemaDifference;
import dev.drydock.catalog.SchemaSnapshot;
import dev.drydock.catalog.SnapshotDiff;
import dev.drydock.catalog.SnapshotReader;
import dev.drydock.migrate.Checksums;
import dev.drydock.migrate.MigrationSteps;
import dev.drydock.migrate.MigrationWriter;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.StatementFailure;
import dev.drydock.migrate.SupabaseHistory;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.Splitter;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.sql.StatementInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The branch cycle behind {@code apply_on_branch}: snapshot S0 → up → S1 → rollback → must equal
 * S0 (schema, and the rows of the tables the migration touches) → up again → must equal S1 → no
 * INVALID index, same row counts. Only then is evidence recorded and are the files written. Any
 * failure puts the branch back as it was (rebuilt from its template and own migrations when a
 * committed step must be undone) and says which step, statement and difference broke it.
 */
public final class BranchCycle {

    /** One step as it ran. */
    public record StepRun(String script, int step, boolean transactional, int statements, long millis) {
    }

    /**
     * A passed cycle.
     *
     * @param rowCounts per touched table: rows before the migration and after it
     */
    public record Passed(String branch, String version, String name, String migrationFile, String rollbackFile,
                         long evidenceId, String upSha256, String rollbackSha256, String snapshotBefore,
                         String snapshotAfter, List<StepRun> steps, long standaloneSteps,
                         Map<String, long[]> rowCounts, List<String> notValidConstraints, List<String> unrestoredChanges,
                         Map<String, Long> timings) {
    }

    private final Branches branches;
    private final StatementAnalyzer analyzer;
    private final Clock clock;

    public BranchCycle(Branches branches, StatementAnalyzer analyzer, Clock clock) {
        this.branches = branches;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /**
     * What a cycle does with the project's files. {@code WRITE}: apply_on_branch, a new migration
     * written on success. {@code TEST}: {@code drydock test} of a new migration, nothing written.
     * {@code TEST_EXISTING}: {@code drydock test} of the project's migration at {@code version},
     * on a branch built from the history before it; nothing written.
     */
    public enum Mode { WRITE, TEST, TEST_EXISTING }

    public Passed run(String branchName, String name, String version, String up, String rollback, Progress progress) {
        return run(branchName, name, version, up, rollback, Mode.WRITE, progress);
    }

    public Passed run(String branchName, String name, String version, String up, String rollback, Mode mode,
                      Progress progress) {
        if (rollback == null || rollback.isBlank()) {
            throw new DrydockException(ErrorCode.ROLLBACK_REQUIRED, "apply_on_branch needs `rollback_sql`: every migration "
                    + "Drydock applies has a rollback that was tested on a branch.",
                    "Write the SQL that undoes `sql` exactly; plan_migration generates one where it can be derived.",
                    "plan_migration with the same sql, then apply_on_branch with its rollbackPlan.sql as rollback_sql");
        }
        return branches.locked(branchName, meta -> {
            Branch b = branches.require(branchName);
            ProjectLayout layout = branches.layout();
            String v = version != null ? version : MigrationWriter.nextVersion(layout, clock);
            if (mode != Mode.TEST_EXISTING) {
                MigrationWriter.checkNew(layout, v, name);
            }
            checkCurrent(b, layout, mode == Mode.TEST_EXISTING ? v : null);
            var upSteps = MigrationSteps.of(analyzer.analyze(up), "sql");
            var downSteps = MigrationSteps.of(analyzer.analyze(rollback), "rollback_sql");
            return new Run(b, layout, v, name, up, rollback, upSteps, downSteps, mode == Mode.WRITE, progress).go();
        });
    }

    /**
     * The branch must have been built from the project's current history (before {@code before},
     * when given), or the evidence would not match it.
     */
    private void checkCurrent(Branch b, ProjectLayout layout, String before) throws SQLException {
        if (Branch.FAILED.equals(b.status())) {
            throw new DrydockException(ErrorCode.BRANCH_STALE, "Branch '" + b.name() + "' did not build: " + b.failure(),
                    "Fix the project's migration named above, then rebuild the branch.",
                    "reset_branch with branch '" + b.name() + "'");
        }
        Set<String> own = new HashSet<>();
        branches.store().ownMigrations(b.name()).forEach(o -> own.add(o.version()));
        var current = Templates.history(layout.migrations().stream().filter(m -> !own.contains(m.version()))
                .filter(m -> before == null || m.version().compareTo(before) < 0).toList());
        if (!current.equals(b.base())) {
            throw new DrydockException(ErrorCode.BRANCH_STALE, "Branch '" + b.name() + "' was built from "
                    + b.base().size() + " migration(s) up to " + b.headVersion() + ", but the project's history is now "
                    + current.size() + " migration(s)" + (current.isEmpty() ? "" : " up to " + current.get(current.size() - 1).version())
                    + ": evidence from it would not match what targets will have.",
                    before == null ? "Rebase the branch onto the project's history, then call apply_on_branch again."
                            : "Test on a branch built from the history before " + before + ", or leave the branch out.",
                    before == null ? "rebase_branch with branch '" + b.name() + "'"
                            : "reset_branch with branch '" + b.name() + "' and the version before " + before);
        }
    }

    /** One cycle's state. */
    private final class Run {
        private final Branch branch;
        private final ProjectLayout layout;
        private final String version;
        private final String name;
        private final String up;
        private final String rollback;
        private final List<MigrationSteps.Step> upSteps;
        private final List<MigrationSteps.Step> downSteps;
        private final boolean writeFiles;
        private final Progress progress;
        private final List<StepRun> runs = new ArrayList<>();
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private final List<String> sideEffects = new ArrayList<>();

        Run(Branch branch, ProjectLayout layout, String version, String name, String up, String rollback,
            List<MigrationSteps.Step> upSteps, List<MigrationSteps.Step> downSteps, boolean writeFiles,
            Progress progress) {
            this.branch = branch;
            this.layout = layout;
            this.version = version;
            this.name = name;
            this.up = up;
            this.rollback = rollback;
            this.upSteps = upSteps;
            this.downSteps = downSteps;
            this.writeFiles = writeFiles;
            this.progress = progress;
        }

        Passed go() throws SQLException {
            long start = System.nanoTime();
            SchemaSnapshot s0;
            SchemaSnapshot s1;
            Map<String, DataCheck.TableData> data0;
            Map<String, DataCheck.TableData> data1;
            List<String> notValid;
            try (Connection c = branches.connect(branch)) {
                branches.searchPath(c);
                s0 = timed("snapshotBefore", () -> SnapshotReader.read(c));
                List<String> touched = touched(s0);
                data0 = timed("dataBefore", () -> DataCheck.read(c, touched, true));
                progress.report(1, 6d, "applying up");
                apply(c, "up", upSteps, up, false);
                s1 = timed("snapshotAfter", () -> SnapshotReader.read(c));
                data1 = DataCheck.read(c, present(touched, s1), true);
                progress.report(2, 6d, "applying rollback");
                apply(c, "rollback", downSteps, rollback, false);
                SchemaSnapshot s2 = timed("snapshotRolledBack", () -> SnapshotReader.read(c));
                List<String> broken = new ArrayList<>();
                SnapshotDiff.between(s0, s2).forEach(d -> broken.add(rollbackDifference(d)));
                if (broken.isEmpty()) {
                    DataCheck.compare(data0, data1, DataCheck.read(c, touched, true), broken, sideEffects);
                }
                if (!broken.isEmpty()) {
                    throw restoreAnd(roundTrip("The rollback did not restore the branch as it was", broken));
                }
                progress.report(3, 6d, "re-applying up");
                apply(c, "re-apply", upSteps, up, true);
                SchemaSnapshot s3 = timed("snapshotReapplied", () -> SnapshotReader.read(c));
                List<String> drift = new ArrayList<>();
                SnapshotDiff.between(s1, s3).forEach(d -> drift.add("re-apply: " + d.describe()));
                drift.addAll(DataCheck.countDifferences(data1, DataCheck.read(c, present(touched, s3), false),
                        "after the re-apply,"));
                DataCheck.invalidIndexes(c).forEach(i -> drift.add("index " + i + " is INVALID (a failed concurrent build); "
                        + "drop it in the migration's failure path or build it without CONCURRENTLY on new tables"));
                if (!drift.isEmpty()) {
                    throw restoreAnd(roundTrip("Applying the migration a second time after its rollback did not give the same "
                            + "result", drift));
                }
                notValid = notValidConstraints(s3);
                progress.report(5, 6d, "recording evidence");
                Passed passed = record(s0, s1, data0, data1, notValid, start);
                progress.report(6, 6d, "done");
                return passed;
            }
        }

        private <T> T timed(String key, Timed<T> work) throws SQLException {
            long t = System.nanoTime();
            T value = work.get();
            timings.put(key, Templates.millis(t));
            return value;
        }

        private Passed record(SchemaSnapshot s0, SchemaSnapshot s1, Map<String, DataCheck.TableData> data0,
                              Map<String, DataCheck.TableData> data1, List<String> notValid, long start) throws SQLException {
            List<Branch.HistoryEntry> base = new ArrayList<>(branch.base());
            for (OwnMigration o : branches.store().ownMigrations(branch.name())) {
                base.add(new Branch.HistoryEntry(o.version(), o.name(), o.upSha256()));
            }
            // Evidence is for the bytes of the files: as written (a newline is added at the end), or, when
            // testing files that exist already, exactly as they are.
            String upText = writeFiles ? withNewline(up) : up;
            String rollbackText = writeFiles ? withNewline(rollback) : rollback;
            String upSha = Checksums.sha256(upText);
            String rollbackSha = Checksums.sha256(rollbackText);
            List<Map<String, Object>> steps = new ArrayList<>();
            runs.forEach(r -> steps.add(Map.of("script", r.script(), "step", r.step(), "transactional", r.transactional(),
                    "statements", r.statements(), "millis", r.millis())));
            MigrationWriter.Written files = writeFiles ? MigrationWriter.write(layout, version, name, up, rollback) : null;
            long id;
            try {
                timings.put("total", Templates.millis(start));
                id = branches.store().recordEvidence(new Evidence(version, name, upText, rollbackText, upSha,
                        rollbackSha, branch.name(), base, Templates.historyHash(base), s0.fingerprint(), s1.fingerprint(),
                        steps, timings));
            } catch (SQLException | RuntimeException e) {
                if (files != null) {
                    MigrationWriter.remove(files);
                }
                throw e;
            }
            Map<String, long[]> counts = new LinkedHashMap<>();
            data0.forEach((t, d) -> counts.put(t, new long[]{d.rows(), data1.containsKey(t) ? data1.get(t).rows() : -1}));
            return new Passed(branch.name(), version, name,
                    files == null ? null : layout.root().relativize(files.migration()).toString(),
                    files == null ? null : layout.root().relativize(files.rollback()).toString(), id, upSha, rollbackSha,
                    s0.fingerprint(), s1.fingerprint(), runs, MigrationSteps.standalone(upSteps), counts, notValid, sideEffects,
                    timings);
        }

        private void apply(Connection c, String script, List<MigrationSteps.Step> steps, String sql, boolean history)
                throws SQLException {
            long t = System.nanoTime();
            int count = steps.stream().mapToInt(s -> s.statements().size()).sum();
            String label = script.equals("rollback") ? "rollback_sql" : "sql";
            for (int i = 0; i < steps.size(); i++) {
                MigrationSteps.Step step = steps.get(i);
                long stepStart = System.nanoTime();
                boolean last = i == steps.size() - 1;
                StatementFailure f = MigrationSteps.run(c, List.of(step), label, count, "branch " + branch.name(),
                        () -> {
                            if (last && history) {
                                SupabaseHistory.insert(c, version, name, Splitter.supabaseStatements(up));
                            }
                            return null;
                        }, branches.server().redactor());
                if (f != null) {
                    boolean nothingCommitted = script.equals("up") && i == 0 && step.transactional();
                    throw nothingCommitted
                            ? ending(failed(script, f), "Branch '" + branch.name() + "' is as it was (the transaction was "
                                    + "rolled back).", null)
                            : restoreAnd(failed(script, f));
                }
                runs.add(new StepRun(script, i + 1, step.transactional(), step.statements().size(), Templates.millis(stepStart)));
            }
            timings.merge(script, Templates.millis(t), Long::sum);
        }

        private DrydockException failed(String script, StatementFailure f) {
            String step = switch (script) {
                case "up" -> "Applying `sql`";
                case "rollback" -> "Applying `rollback_sql` after `sql`";
                default -> "Re-applying `sql` after the rollback";
            };
            return new DrydockException(script.equals("up") ? ErrorCode.MIGRATION_FAILED : ErrorCode.ROUND_TRIP_FAILED,
                    step + " failed at " + f.describe() + "\nStatement: " + f.statement(),
                    f.hint() != null ? f.hint() : "Fix the statement named above.",
                    List.of("apply_on_branch again with the corrected " + (script.equals("rollback") ? "rollback_sql" : "sql")),
                    f.serverError(), null);
        }

        private DrydockException roundTrip(String what, List<String> problems) {
            return new DrydockException(ErrorCode.ROUND_TRIP_FAILED, what + ":\n- " + String.join("\n- ", problems),
                    "Make rollback_sql undo exactly what sql does, no more and no less; plan_migration shows a generated "
                            + "rollback where one can be derived.",
                    "plan_migration with the same sql and rollback_sql", "apply_on_branch again with the corrected rollback_sql");
        }

        /** Puts the branch back by rebuilding it, then returns {@code e} saying where the branch stands. */
        private DrydockException restoreAnd(DrydockException e) {
            try {
                branches.rebuild(branch, progress);
            } catch (DrydockException | SQLException rebuild) {
                return ending(e, "Branch '" + branch.name() + "' could NOT be rebuilt: " + rebuild.getMessage(),
                        List.of("reset_branch with branch '" + branch.name() + "'"));
            }
            return ending(e, "Branch '" + branch.name() + "' was rebuilt to its state before this call.", null);
        }

        /** {@code e} with the branch's state and "Nothing was written." after its facts; other next steps when given. */
        private static DrydockException ending(DrydockException e, String branchState, List<String> nextSteps) {
            return new DrydockException(e.code(), e.getMessage() + "\n" + branchState + " Nothing was written.", e.hint(),
                    nextSteps != null ? nextSteps : e.nextSteps(), e.serverError(), e.getCause());
        }

        /** Tables the up script names that exist before it runs: their rows must survive the round trip. */
        private List<String> touched(SchemaSnapshot s0) {
            Set<String> out = new LinkedHashSet<>();
            for (MigrationSteps.Step step : upSteps) {
                for (StatementInfo s : step.statements()) {
                    collect(s, out);
                }
            }
            return present(new ArrayList<>(out), s0);
        }

        private void collect(StatementInfo s, Set<String> out) {
            for (ObjectRef o : s.objects()) {
                if (o.kind() == ObjectRef.Kind.TABLE || o.kind() == ObjectRef.Kind.COLUMN) {
                    out.add((o.schema() == null ? "public" : o.schema()) + "." + o.name());
                }
            }
            s.nested().forEach(n -> collect(n, out));
        }
    }

    private static List<String> present(List<String> tables, SchemaSnapshot s) {
        return tables.stream().filter(s.tables()::contains).toList();
    }

    private static List<String> notValidConstraints(SchemaSnapshot s) {
        return s.objects().entrySet().stream()
                .filter(e -> e.getKey().startsWith("constraint ") && e.getValue().contains("NOT VALID"))
                .map(e -> e.getKey().substring("constraint ".length())).toList();
    }

    private static String rollbackDifference(SchemaDifference d) {
        if (d.before() == null) {
            return "the rollback left " + d.kind() + " " + d.object() + " (" + d.after() + ")";
        }
        if (d.after() == null) {
            return "the rollback did not restore " + d.kind() + " " + d.object() + " (" + d.before() + ")";
        }
        return "the rollback changed " + d.describe();
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    private interface Timed<T> {
        T get() throws SQLException;
    }

}

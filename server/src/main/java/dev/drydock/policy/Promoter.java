package dev.drydock.policy;

import dev.drydock.CallContext;
import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.audit.AuditLog;
import dev.drydock.audit.AuditRecord;
import dev.drydock.branch.BranchStore;
import dev.drydock.branch.Evidence;
import dev.drydock.branch.EvidenceCheck;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;
import dev.drydock.lint.BlockedCheck;
import dev.drydock.lint.Finding;
import dev.drydock.migrate.ApplyEngine;
import dev.drydock.migrate.Checksums;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.MigrationPlan;
import dev.drydock.migrate.MigrationPlanner;
import dev.drydock.migrate.MigrationSteps;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.TargetHistory;
import dev.drydock.migrate.TargetLog;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.typegen.TypesFreshness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Guarded promotion: the one path by which migrations reach a target ({@code apply_migration},
 * {@code merge_branch} with a target) and leave it ({@code rollback}). Guards run in a fixed
 * order — ROLLBACK_REQUIRED, NOT_BRANCH_TESTED, BLOCKED_PATTERN, HISTORY_DRIFT, APPROVAL_REQUIRED —
 * under the target's migration lock, so the history they check is the history the change lands
 * on. They are configured only in drydock.yaml: nothing in a call relaxes them.
 */
public final class Promoter {

    /** One guard's verdict, for results and the audit log. */
    public record GuardResult(String guard, String result, String detail) {
        static GuardResult pass(String guard, String detail) {
            return new GuardResult(guard, "pass", detail);
        }
    }

    /** A migration as a promotion sees it. */
    public record Planned(String version, String name, String file, String rollbackFile, String upSha256,
                          String rollbackSha256, Long evidenceId, int statements, int steps, int standaloneSteps) {
    }

    /**
     * What an apply or rollback did (or, in a dry run, would do).
     *
     * @param status {@code APPLIED}, {@code ROLLED_BACK}, {@code DRY_RUN} or {@code NOTHING_PENDING}
     */
    public record Report(String action, String status, String target, boolean protectedTarget, List<Planned> migrations,
                         List<GuardResult> guards, String planId, int risk, String riskLevel, List<String> locks,
                         Double estimatedSeconds, String approvedBy, String approvedVia, List<ApplyEngine.Done> done,
                         List<ApplyEngine.LockWait> lockWaits, String sql, Boolean typesStale, String typesFile,
                         long millis) {
    }

    private final DrydockConfig config;
    private final Databases databases;
    private final Supplier<BranchStore> store;
    private final StatementAnalyzer analyzer;
    private final BlockedCheck blocked;
    private final MigrationPlanner planner;
    private final ApprovalGate approvals;
    private final Approvals approvalStore;
    private final AuditLog audit;
    private final ApplyEngine engine;
    private final Redactor redactor;

    public Promoter(DrydockConfig config, Databases databases, Supplier<BranchStore> store, StatementAnalyzer analyzer,
                    BlockedCheck blocked, MigrationPlanner planner, ApprovalGate approvals, Approvals approvalStore,
                    AuditLog audit, ApplyEngine engine) {
        this.config = config;
        this.databases = databases;
        this.store = store;
        this.analyzer = analyzer;
        this.blocked = blocked;
        this.planner = planner;
        this.approvals = approvals;
        this.approvalStore = approvalStore;
        this.audit = audit;
        this.engine = engine;
        this.redactor = config.redactor();
    }

    /** What the guards found for one call: the migrations, each guard's verdict, the plan and the approval. */
    private record Prepared(List<Unit> units, List<GuardResult> guards, MigrationPlan plan, ApprovalRequest request,
                            Approval approval) {
    }

    /** Applies the target's pending migrations in order, up to and including {@code version} (default: the next one). */
    public Report apply(String targetName, String version, boolean dryRun, CallContext context) {
        return apply(targetName, version, dryRun, context, d -> { });
    }

    /** As {@link #apply(String, String, boolean, CallContext)}; {@code audit} hears the guards' verdicts, refusals included. */
    public Report apply(String targetName, String version, boolean dryRun, CallContext context,
                        Consumer<AuditRecord.Details> audit) {
        return promote("apply", targetName, version, dryRun, context, audit);
    }

    /**
     * Rolls back the target's newest applied migrations, newest first, down to and including
     * {@code version} (default: the newest), with the rollback SQL stored when each was applied.
     */
    public Report rollback(String targetName, String version, boolean dryRun, CallContext context,
                           Consumer<AuditRecord.Details> audit) {
        return promote("rollback", targetName, version, dryRun, context, audit);
    }

    private Report promote(String action, String targetName, String version, boolean dryRun, CallContext context,
                           Consumer<AuditRecord.Details> audit) {
        long start = System.nanoTime();
        Target target = config.resolveTarget(targetName);
        audit.accept(new AuditRecord.Details(target.name(), null, null, null, null, null));
        boolean applying = action.equals("apply");
        try {
            if (!dryRun && target.isProtected()) {
                // The human is asked first, without the target's lock: the form may stay open for minutes. Under
                // the lock everything is evaluated again, and the approval must hold for the plan_id found then.
                try (Connection c = databases.openDedicated(target)) {
                    prepare(action, c, target, version, false, context, audit);
                }
            }
            try (Connection c = databases.openDedicated(target)) {
                ApplyEngine.TargetLock lock = dryRun ? null : engine.lock(databases.openDedicated(target), target.name());
                try {
                    Prepared p = prepare(action, c, target, version, dryRun, context, audit);
                    if (p == null) {
                        return new Report(action, "NOTHING_PENDING", target.name(), target.isProtected(), List.of(),
                                List.of(), null, 0, null, List.of(), null, null, null, List.of(), List.of(), null, null,
                                null, millis(start));
                    }
                    List<Planned> planned = p.units().stream().map(Unit::planned).toList();
                    if (dryRun) {
                        return report(action, "DRY_RUN", target, planned, p, List.of(), List.of(),
                                joined(p.units(), applying), null, start);
                    }
                    List<ApplyEngine.Done> done = new ArrayList<>();
                    List<ApplyEngine.LockWait> waits = new ArrayList<>();
                    ApplyEngine.Meta meta = new ApplyEngine.Meta(p.plan().planId(),
                            p.approval() == null ? null : p.approval().approvedBy(), context.client());
                    String tool = applying ? "apply_migration" : "rollback";
                    for (Unit u : p.units()) {
                        ApplyEngine.InRecord audited = (tx, unit) -> this.audit.insertOnTarget(tx, record(tool, target, u, p, context,
                                start));
                        try {
                            done.add(applying
                                    ? engine.apply(c, target.name(), u.engine(), meta, audited, waits,
                                    context.progress())
                                    : engine.rollback(c, target.name(), u.engine(), meta, audited, waits,
                                    context.progress()));
                        } catch (ApplyEngine.StepFailed f) {
                            throw failed(action, target, u, f, done);
                        }
                    }
                    TypesFreshness.Report types = TypesFreshness.check(config, c);
                    return report(action, applying ? "APPLIED" : "ROLLED_BACK", target, planned, p, done, waits, null, types,
                            start);
                } finally {
                    if (lock != null) {
                        lock.close();
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
    }

    /** Every guard, in order, for the migrations this call means; null when there are none. */
    private Prepared prepare(String action, Connection c, Target target, String version, boolean dryRun, CallContext context,
                             Consumer<AuditRecord.Details> audit) throws SQLException {
        List<GuardResult> guards = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        try {
            Prepared p = guarded(action, c, target, version, dryRun, context, guards, units);
            if (p != null) {
                audit.accept(details(target, units, guards, p.approval(), p.plan().planId()));
            }
            return p;
        } catch (DrydockException e) {
            List<GuardResult> withFailure = new ArrayList<>(guards);
            if (GUARD_CODES.contains(e.code())) {
                withFailure.add(new GuardResult(e.code().name(), "fail", e.getMessage().lines().findFirst().orElse("")));
            }
            audit.accept(details(target, units, withFailure, null, null));
            throw e;
        }
    }

    private static final java.util.Set<ErrorCode> GUARD_CODES = java.util.EnumSet.of(ErrorCode.ROLLBACK_REQUIRED,
            ErrorCode.NOT_BRANCH_TESTED, ErrorCode.BLOCKED_PATTERN, ErrorCode.HISTORY_DRIFT, ErrorCode.APPROVAL_REQUIRED);

    private static AuditRecord.Details details(Target target, List<Unit> units, List<GuardResult> guards, Approval approval,
                                               String planId) {
        return new AuditRecord.Details(target.name(),
                units.stream().map(u -> new AuditRecord.Migration(u.version(), u.name(), u.upSha256(), u.rollbackSha256()))
                        .toList(),
                approval == null ? null : AuditRecord.APPROVED,
                guards.stream().map(g -> new AuditRecord.Guard(g.guard(), g.result(), g.detail())).toList(),
                approval == null ? null : approval.approvedBy(), planId);
    }

    private Prepared guarded(String action, Connection c, Target target, String version, boolean dryRun, CallContext context,
                             List<GuardResult> guards, List<Unit> units) throws SQLException {
        ProjectLayout layout = ProjectLayout.of(config);
        TargetHistory history = TargetHistory.read(c, layout, store.get());
        MigrationPlan plan;
        if (action.equals("apply")) {
            List<MigrationFile> chosen = pendingUpTo(history, version, target);
            if (chosen.isEmpty()) {
                historyDrift(history, target, guards); // nothing to apply, but a drifted history is still reported
                return null;
            }
            for (MigrationFile m : chosen) {
                units.add(unit(m));
            }
            rollbackRequired(units, guards);
            branchTested(units, layout, guards);
            blockedPatterns(units, target, guards, Unit::up);
            historyDrift(history, target, guards);
            plan = planner.plan(new MigrationPlanner.Request(joined(units, true), joined(units, false), target.name()));
        } else {
            List<TargetHistory.Entry> chosen = appliedDownTo(history, version, target);
            if (chosen.isEmpty()) {
                return null;
            }
            Map<String, TargetLog.Entry> log = TargetLog.current(c);
            for (TargetHistory.Entry e : chosen) {
                units.add(stored(storedRollback(log.get(e.version()), e, target)));
            }
            guards.add(GuardResult.pass("ROLLBACK_REQUIRED", "rollback SQL stored at apply time for " + units.size()
                    + " migration(s)"));
            rollbackTested(units, target, guards);
            blockedPatterns(units, target, guards, Unit::rollback);
            historyDrift(history, target, guards);
            plan = planner.plan(new MigrationPlanner.Request(joined(units, false), null, target.name()));
        }
        ApprovalRequest request = request(plan, target, units, action);
        Approval approval = approve(target, request, guards, dryRun, context);
        return new Prepared(units, guards, plan, request, approval);
    }

    private static TargetLog.Entry storedRollback(TargetLog.Entry stored, TargetHistory.Entry e, Target target) {
        if (stored == null || stored.rollbackSql() == null || stored.rollbackSql().isBlank()
                || !TargetLog.APPLIED.equals(stored.state())) {
            throw new DrydockException(ErrorCode.ROLLBACK_REQUIRED, "Migration " + e.version() + " on target '"
                    + target.name() + "' has no rollback stored by Drydock"
                    + (stored == null ? ": it was applied outside Drydock (supabase db push, psql…)"
                    : " in a completed apply (state " + stored.state() + ")") + ", so there is no tested rollback to run.",
                    "Write a new migration that undoes it, test it with apply_on_branch, and apply that instead.",
                    "apply_on_branch with the undoing SQL as sql");
        }
        return stored;
    }

    /**
     * A migration's files (or, for a rollback, what the target stored), with the script it runs here
     * (the up SQL to apply, the stored rollback SQL to roll back) cut into steps once.
     */
    private record Unit(MigrationFile file, String version, String name, String up, String rollback, String upSha256,
                        String rollbackSha256, Long evidenceId, List<MigrationSteps.Step> steps) {

        Unit withEvidence(long id) {
            return new Unit(file, version, name, up, rollback, upSha256, rollbackSha256, id, steps);
        }

        ApplyEngine.Unit engine() {
            return new ApplyEngine.Unit(version, name, up == null ? "" : up, rollback, upSha256, rollbackSha256, evidenceId,
                    steps);
        }

        boolean inOneTransaction() {
            return steps.stream().allMatch(MigrationSteps.Step::transactional);
        }

        /** What the result shows of it: files, checksums, evidence, and the script it runs cut into steps. */
        Planned planned() {
            return new Planned(version, name, file == null ? null : file.path().getFileName().toString(),
                    file == null || file.rollback() == null ? null : file.rollback().getFileName().toString(), upSha256,
                    rollbackSha256, evidenceId, steps.stream().mapToInt(s -> s.statements().size()).sum(), steps.size(),
                    (int) MigrationSteps.standalone(steps));
        }
    }

    private Unit unit(MigrationFile m) {
        String up = read(m.path());
        String rollback = m.rollback() == null || !Files.exists(m.rollback()) ? null : read(m.rollback());
        return new Unit(m, m.version(), m.name(), up, rollback, Checksums.sha256(bytes(m.path())),
                rollback == null ? null : Checksums.sha256(bytes(m.rollback())), null,
                MigrationSteps.of(analyzer.analyze(up), m.version() + "_" + m.name() + ".sql"));
    }

    private Unit stored(TargetLog.Entry e) {
        return new Unit(null, e.version(), e.name(), null, e.rollbackSql(), e.upSha256(), e.rollbackSha256(), e.evidenceId(),
                MigrationSteps.of(analyzer.analyze(e.rollbackSql()), e.version() + "_" + e.name() + " (rollback)"));
    }

    private List<MigrationFile> pendingUpTo(TargetHistory history, String version, Target target) {
        List<MigrationFile> pending = history.pending();
        if (version == null) {
            return pending.isEmpty() ? List.of() : List.of(pending.get(0));
        }
        int at = -1;
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).version().equals(version)) {
                at = i;
            }
        }
        if (at < 0) {
            Optional<TargetHistory.Entry> known = history.entries().stream().filter(e -> e.version().equals(version)).findFirst();
            if (known.isPresent() && known.get().applied() && !known.get().drifted()) {
                // Already there (merge_branch called again, a pipeline re-run): nothing to do up to it.
                return pending.stream().filter(m -> m.version().compareTo(version) < 0).toList();
            }
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Version " + version + " is not pending on target '"
                    + target.name() + "'" + known.map(e -> ": it is " + e.state()).orElse(": the project has no such migration")
                    + ". Pending: " + (pending.isEmpty() ? "none" : pending.stream().map(MigrationFile::version).toList()) + ".",
                    "Give a pending version, or leave `version` out to apply the next one.",
                    "list_migrations with target '" + target.name() + "'");
        }
        return pending.subList(0, at + 1);
    }

    private List<TargetHistory.Entry> appliedDownTo(TargetHistory history, String version, Target target) {
        List<TargetHistory.Entry> applied = history.entries().stream().filter(TargetHistory.Entry::applied).toList();
        if (applied.isEmpty()) {
            return List.of();
        }
        List<TargetHistory.Entry> newestFirst = new ArrayList<>(applied);
        java.util.Collections.reverse(newestFirst);
        if (version == null) {
            return List.of(newestFirst.get(0));
        }
        List<TargetHistory.Entry> out = new ArrayList<>();
        for (TargetHistory.Entry e : newestFirst) {
            out.add(e);
            if (e.version().equals(version)) {
                return out;
            }
        }
        throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Version " + version + " is not applied on target '"
                + target.name() + "'. Applied: " + applied.stream().map(TargetHistory.Entry::version).toList() + ".",
                "Give an applied version (everything newer is rolled back with it), or leave `version` out for the newest.",
                "list_migrations with target '" + target.name() + "'");
    }

    private void rollbackRequired(List<Unit> units, List<GuardResult> guards) {
        if (!config.promotion().requireRollback()) {
            guards.add(new GuardResult("ROLLBACK_REQUIRED", "off", "policy.requireRollback is false in drydock.yaml"));
            return;
        }
        for (Unit u : units) {
            if (u.rollback() == null || u.rollback().isBlank()) {
                throw new DrydockException(ErrorCode.ROLLBACK_REQUIRED, "Migration " + u.version() + "_" + u.name()
                        + " has no rollback: " + (u.rollback() == null ? "no file " + rollbackPath(u) : rollbackPath(u)
                        + " is empty") + ". Every migration Drydock applies has a rollback tested on a branch "
                        + "(policy.requireRollback).",
                        "Write the SQL that undoes it exactly; plan_migration generates one where it can be derived. Then test "
                                + "the pair with apply_on_branch (or drydock test).",
                        "plan_migration with the migration's SQL", "drydock test "
                                + ProjectLayout.of(config).root().relativize(u.file().path()) + " --rollback " + rollbackPath(u));
            }
        }
        guards.add(GuardResult.pass("ROLLBACK_REQUIRED", "rollback file present for " + units.size() + " migration(s)"));
    }

    private String rollbackPath(Unit u) {
        ProjectLayout layout = ProjectLayout.of(config);
        return layout.root().relativize(layout.rollbacksDir().resolve(u.version() + "_" + u.name() + ".sql")).toString();
    }

    private void branchTested(List<Unit> units, ProjectLayout layout, List<GuardResult> guards) {
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            Optional<Evidence.Stored> evidence = EvidenceCheck.find(store.get(), layout, u.file());
            if (evidence.isEmpty()) {
                throw new DrydockException(ErrorCode.NOT_BRANCH_TESTED, "Migration " + u.version() + "_" + u.name()
                        + " has no branch evidence: no apply_on_branch passed for exactly this migration (SHA-256 "
                        + u.upSha256() + ") and rollback (SHA-256 " + u.rollbackSha256() + ") on a branch built from the "
                        + "project's migrations before it. Changing one byte of either file, or of an earlier migration, "
                        + "needs a new test.",
                        "Test the pair on a branch rebased onto the project's history.",
                        "drydock test " + layout.root().relativize(u.file().path()) + " --rollback "
                                + layout.root().relativize(u.file().rollback()),
                        "apply_on_branch with the same SQL, on a branch rebased onto the project's history (rebase_branch)");
            }
            units.set(i, u.withEvidence(evidence.get().id()));
        }
        guards.add(GuardResult.pass("NOT_BRANCH_TESTED", "evidence " + units.stream().map(u -> "#" + u.evidenceId()).toList()));
    }

    private void rollbackTested(List<Unit> units, Target target, List<GuardResult> guards) throws SQLException {
        for (Unit u : units) {
            // The stored SQL is the rollback file's text as applied: its checksum must still be the one recorded, and
            // evidence for exactly that pair must exist.
            boolean tested = u.evidenceId() != null && Checksums.sha256(u.rollback()).equals(u.rollbackSha256())
                    && store.get().evidence(u.upSha256(), u.rollbackSha256()).stream().anyMatch(e -> e.id() == u.evidenceId());
            if (!tested) {
                throw new DrydockException(ErrorCode.NOT_BRANCH_TESTED, "The rollback of " + u.version() + "_" + u.name()
                        + " stored on target '" + target.name() + "' has no branch evidence (evidence "
                        + (u.evidenceId() == null ? "none recorded" : "#" + u.evidenceId() + " not found for its checksums")
                        + "): Drydock runs only rollbacks that passed apply_on_branch.",
                        "Write a new migration that undoes it, test it with apply_on_branch, and apply that instead.",
                        "apply_on_branch with the undoing SQL as sql");
            }
        }
        guards.add(GuardResult.pass("NOT_BRANCH_TESTED", "rollback evidence " + units.stream().map(u -> "#" + u.evidenceId())
                .toList()));
    }

    private void blockedPatterns(List<Unit> units, Target target, List<GuardResult> guards,
                                 java.util.function.Function<Unit, String> script) {
        if (!target.isProtected()) {
            guards.add(new GuardResult("BLOCKED_PATTERN", "skipped", "target '" + target.name() + "' is not protected"));
            return;
        }
        List<String> allowed = new ArrayList<>();
        for (Unit u : units) {
            for (Finding f : blocked.hits(script.apply(u))) {
                if (config.promotion().allowInMigrations().contains(f.rule())) {
                    allowed.add(u.version() + ": " + f.rule() + " at line " + f.line());
                    continue;
                }
                throw new DrydockException(ErrorCode.BLOCKED_PATTERN, "Migration " + u.version() + "_" + u.name() + " hits "
                        + "blocked pattern " + f.rule() + " at line " + f.line() + " (" + f.message() + "), and target '"
                        + target.name() + "' is protected.",
                        "The operator's policy.blocked refuses it on protected targets. Safe alternative: " + f.fix()
                                + " If this change is intended, the operator can list " + f.rule() + " in "
                                + "policy.allowInMigrations in drydock.yaml; such migrations then need a human's approval.",
                        "write a migration without " + f.rule(), "or ask the operator about policy.allowInMigrations");
            }
        }
        guards.add(new GuardResult("BLOCKED_PATTERN", allowed.isEmpty() ? "pass" : "needs_approval",
                allowed.isEmpty() ? "no blocked pattern" : "allowed by policy.allowInMigrations: " + allowed));
    }

    private void historyDrift(TargetHistory history, Target target, List<GuardResult> guards) {
        List<String> problems = new ArrayList<>();
        history.drifted().forEach(e -> problems.add(e.version() + "_" + e.name() + " was applied with different statements "
                + "than its file now holds (drifted)"));
        history.missingLocally().forEach(e -> problems.add(e.version() + (e.name() == null ? "" : "_" + e.name())
                + " is applied on the target but has no file in the project (missing locally)"));
        history.outOfOrder().forEach(m -> problems.add(m.version() + "_" + m.name() + " is pending but older than the newest "
                + "applied version " + history.newestApplied() + " (out of order)"));
        if (!problems.isEmpty()) {
            throw new DrydockException(ErrorCode.HISTORY_DRIFT, "Target '" + target.name() + "' and the project disagree:\n- "
                    + String.join("\n- ", problems),
                    "Never edit an applied migration: restore its file and write a new migration for the change. Restore a "
                            + "missing file from version control. An out-of-order migration must be renamed to a version "
                            + "after the newest applied one.",
                    "list_migrations with target '" + target.name() + "'");
        }
        guards.add(GuardResult.pass("HISTORY_DRIFT", "applied history matches the project"));
    }

    private ApprovalRequest request(MigrationPlan plan, Target target, List<Unit> units, String action) {
        List<String> locks = new ArrayList<>();
        for (MigrationPlan.Operation op : plan.operations()) {
            if (op.lock() != null && op.lock().mode() != null) {
                String l = op.lock().mode() + (op.lock().on().isEmpty() ? "" : " on " + String.join(", ", op.lock().on()));
                if (!locks.contains(l)) {
                    locks.add(l);
                }
            }
        }
        Double seconds = plan.estimates() == null ? null : plan.estimates().totalSeconds();
        return new ApprovalRequest(plan.planId(), target.name(), units.stream().map(u -> u.version() + "_" + u.name()).toList(),
                action, plan.riskAssessment().overallRisk(), plan.riskAssessment().riskLevel(), locks,
                seconds == null ? 0 : seconds);
    }

    private Approval approve(Target target, ApprovalRequest request, List<GuardResult> guards, boolean dryRun,
                             CallContext context) {
        if (!target.isProtected()) {
            guards.add(new GuardResult("APPROVAL_REQUIRED", "skipped", "target '" + target.name() + "' is not protected"));
            return null;
        }
        if (dryRun) {
            Optional<Approval> given = approvalStore.valid(request.planId(), target.name())
                    .filter(a -> a.action().equals(request.action()));
            if (given.isEmpty()) {
                // The human may approve the plan they just saw: `drydock approve <plan_id>` finds the request.
                try {
                    approvalStore.requestPending(request, config.policy().approvalTtl());
                } catch (RuntimeException e) {
                    // A dry run changes nothing; without the request, the real call leaves one.
                }
            }
            guards.add(new GuardResult("APPROVAL_REQUIRED", given.isPresent() ? "pass" : "needs_approval",
                    given.map(a -> "approved by " + a.approvedBy()).orElse("plan_id " + request.planId()
                            + " needs a human's approval: drydock approve " + request.planId())));
            return given.orElse(null);
        }
        Approval a = approvals.require(request, context.elicitation());
        guards.add(GuardResult.pass("APPROVAL_REQUIRED", "approved by " + a.approvedBy() + " via " + a.via()));
        return a;
    }

    private Report report(String action, String status, Target target, List<Planned> planned, Prepared p,
                          List<ApplyEngine.Done> done, List<ApplyEngine.LockWait> waits, String sql,
                          TypesFreshness.Report types, long start) {
        Approval approval = p.approval();
        return new Report(action, status, target.name(), target.isProtected(), planned, p.guards(), p.plan().planId(),
                p.request().risk(), p.request().riskLevel(), p.request().locks(), p.request().estimatedSeconds(),
                approval == null ? null : approval.approvedBy(), approval == null ? null : approval.via(), done, waits, sql,
                types == null || types.file() == null ? null : types.stale(), types == null ? null : types.file(),
                millis(start));
    }

    private DrydockException failed(String action, Target target, Unit u, ApplyEngine.StepFailed f,
                                    List<ApplyEngine.Done> done) {
        boolean applying = action.equals("apply");
        boolean inOneTransaction = u.inOneTransaction();
        String before = done.isEmpty() ? "" : (applying ? " Applied" : " Rolled back") + " before it in this call (and kept): "
                + done.stream().map(d -> d.version() + "_" + d.name()).toList() + ".";
        String where;
        if (inOneTransaction) {
            where = "Its transaction was rolled back: the target is as it was before this " + (applying ? "migration." : "rollback.");
        } else if (applying) {
            where = (f.step() <= 1 ? "It" : "Steps before step " + f.step()) + " ran outside a transaction"
                    + (f.step() <= 1 ? "" : " and stay applied") + "; the migration is recorded as 'applying', and "
                    + "apply_migration resumes at step " + f.step() + " (an INVALID index left by a failed concurrent build is "
                    + "dropped first).";
        } else {
            where = "Steps before step " + f.step() + " ran outside a transaction and stay rolled back; the migration is still "
                    + "recorded as applied, and the next rollback runs its rollback SQL from step 1 again.";
        }
        String hint = f.failure().hint() != null ? f.failure().hint()
                : applying && !inOneTransaction ? "The migration passed on a branch but not here: the target differs from the "
                + "branch (its data, extensions or roles), or the statement was cancelled. Fix that cause on the target "
                + "(PostgreSQL's message says what), then call apply_migration again: it resumes at step " + f.step() + "."
                : "The migration passed on a branch but not here: the target differs from the branch (its data, extensions or "
                + "roles). Fix that cause on the target, or change the migration and test it again on a branch.";
        return new DrydockException(ErrorCode.MIGRATION_FAILED, (applying ? "Migration " : "The rollback of ")
                + u.version() + "_" + u.name() + " failed on target '" + target.name() + "' at " + f.failure().describe()
                + "\nStatement: " + f.failure().statement() + "\n" + where + before, hint,
                List.of("list_migrations with target '" + target.name() + "'", "execute_sql on the target to inspect"),
                f.failure().serverError(), null);
    }

    private AuditRecord record(String tool, Target target, Unit u, Prepared p, CallContext context, long start) {
        Approval approval = p.approval();
        return new AuditRecord(Instant.now(), tool, target.name(), null, context.client(),
                List.of(new AuditRecord.Migration(u.version(), u.name(), u.upSha256(), u.rollbackSha256())),
                approval == null ? AuditRecord.ALLOWED : AuditRecord.APPROVED,
                p.guards().stream().map(g -> new AuditRecord.Guard(g.guard(), g.result(), g.detail())).toList(),
                approval == null ? null : approval.approvedBy(), p.plan().planId(), AuditRecord.OK, null, millis(start));
    }

    private static String joined(List<Unit> units, boolean up) {
        StringBuilder out = new StringBuilder();
        for (Unit u : units) {
            String s = up ? u.up() : u.rollback();
            if (s == null) {
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(s);
        }
        return out.toString();
    }

    private static String read(java.nio.file.Path p) {
        return new String(bytes(p), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(java.nio.file.Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
        }
    }


    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;
import dev.drydock.lint.LintOptions;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Linter;
import dev.drydock.migrate.Inverse.Status;
import dev.drydock.migrate.MigrationPlan.Operation;
import dev.drydock.migrate.MigrationPlan.RollbackPlan;
import dev.drydock.sql.Analysis;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.sql.StatementInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans a migration before anything runs (plan_migration and {@code drydock plan}): analyses the
 * up SQL, reads the facts it needs from a target (read-only, only the objects the SQL names), lints
 * it, derives or analyses the rollback, checks the statement order, and scores the risk.
 *
 * <p>Target: the one named; without a name, the default target when it can be read, else none — the
 * plan is then made without sizes or old values, says so in its notes, and its plan_id uses
 * {@code none} for target and fingerprint. A named target that cannot be read is an error.
 */
public final class MigrationPlanner {
    private final StatementAnalyzer analyzer;
    private final Linter linter;
    private final DrydockConfig config;
    private final Databases databases;
    private final Redactor redactor;
    private final Clock clock;

    public MigrationPlanner(StatementAnalyzer analyzer, Linter linter, DrydockConfig config, Databases databases,
                            Redactor redactor, Clock clock) {
        this.analyzer = analyzer;
        this.linter = linter;
        this.config = config;
        this.databases = databases;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** @param rollbackSql the agent's rollback, or null to generate one; @param target a target name, or null */
    public record Request(String sql, String rollbackSql, String target) {
    }

    public MigrationPlan plan(Request request) {
        Analysis up = analyze(request.sql(), "sql");
        Analysis given = request.rollbackSql() == null ? null : analyze(request.rollbackSql(), "rollback_sql");
        List<String> notes = new ArrayList<>();
        PlanTarget target = target(request.target(), up, given, notes);
        ScriptObjects script = new ScriptObjects(up.statements());
        int version = target == null ? LintOptions.DEFAULT_PG_VERSION : target.version();
        LintResult lint = linter.lint(List.of(new Linter.Source(null, request.sql())),
                new LintOptions(version, target == null ? null : target.facts()));
        RollbackGenerator.Generated generated = RollbackGenerator.generate(up.statements(),
                new InverseContext(target, script, LocalDate.now(clock)));
        Function<String, PlanTarget.Relation> sizeOf = target == null ? key -> null : target.relations()::get;
        Operations.NewTable newTable = (table, i) -> script.createdBefore(ScriptObjects.relation(table), i)
                || script.creates(i).contains(ScriptObjects.relation(table));
        List<Operation> operations = Operations.of(up.statements(), new Operations.Context(newTable, sizeOf,
                i -> generated.inverses().get(i).status() != Status.IRREVERSIBLE));
        RollbackPlan rollback = given == null ? RollbackPlans.generated(generated)
                : RollbackPlans.given(request.rollbackSql(), given, script, generated, sizeOf);
        String complexity = Assessments.rollbackComplexity(generated, rollback);
        notes.addAll(notes(target, rollback, operations));
        String fingerprint = target == null ? PlanId.NONE : target.fingerprint();
        String planId = PlanId.of(request.sql(), rollback.sql(), target == null ? PlanId.NONE : target.name(), fingerprint);
        return new MigrationPlan(planId, target == null ? null : target.name(), version, fingerprint, notes, operations,
                Assessments.risk(up.statements(), operations, generated, complexity, newTable), rollback,
                DependencyOrder.of(script, up.noTransaction()), Assessments.estimates(up.statements(), operations, target),
                lint, Prerequisites.of(up, script, target), ValidationSteps.of(up.statements()));
    }

    private Analysis analyze(String sql, String argument) {
        Analysis analysis = analyzer.analyze(sql);
        if (analysis.statements().isEmpty() && analysis.problems().isEmpty()) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "plan_migration: `" + argument
                    + "` holds no SQL statement (only whitespace or comments).",
                    "Pass the migration's SQL text, statements separated by semicolons.",
                    "plan_migration with " + argument + " set to the SQL text");
        }
        return analysis;
    }

    private PlanTarget target(String name, Analysis up, Analysis given, List<String> notes) {
        Target target = config.resolveTarget(name);
        Set<String> relations = new TreeSet<>();
        Set<String> routines = new TreeSet<>();
        names(up, relations, routines);
        if (given != null) {
            names(given, relations, routines);
        }
        try (Connection c = databases.openForRead(target)) {
            return PlanTargetReader.read(target.name(), c, relations, routines);
        } catch (SQLException e) {
            return unreadable(name, target, SqlErrors.translate(e, target.name(), redactor), notes);
        } catch (DrydockException e) {
            return unreadable(name, target, e, notes);
        }
    }

    /** A named target must be read; the default one may be missing, and then the plan says so. */
    private static PlanTarget unreadable(String name, Target target, DrydockException e, List<String> notes) {
        if (name != null) {
            throw e;
        }
        notes.add("The default target '" + target.name() + "' could not be read (" + e.code() + ": " + e.getMessage()
                + "), so this plan has no target facts: no sizes, no old values for the rollback, PostgreSQL "
                + LintOptions.DEFAULT_PG_VERSION + " assumed, and plan_id uses 'none' for target and fingerprint.");
        return null;
    }

    /** The relations, and the functions and types, a script names: what the target reader asks about. */
    private static void names(Analysis analysis, Set<String> relations, Set<String> routines) {
        for (StatementInfo s : analysis.statements()) {
            for (ObjectRef o : s.objects()) {
                switch (o.kind()) {
                    case TABLE, VIEW, INDEX, SEQUENCE, COLUMN, POLICY, TRIGGER, CONSTRAINT, OTHER ->
                            relations.add(Sql.key(o.table()));
                    case TYPE, FUNCTION -> routines.add(Sql.key(o));
                    default -> {
                    }
                }
            }
        }
    }

    private static List<String> notes(PlanTarget target, RollbackPlan rollback, List<Operation> operations) {
        List<String> notes = new ArrayList<>();
        if (target != null && operations.stream().anyMatch(o -> Estimator.UNKNOWN_SIZE.equals(o.estimateBasis()))) {
            notes.add("Some statements have no time estimate (estimateBasis unknown-size): see estimates.unknownSize.");
        }
        if (target == null && operations.stream().anyMatch(o -> Estimator.UNKNOWN_SIZE.equals(o.estimateBasis()))) {
            notes.add("Without a target, work on existing tables has no time estimate (estimatedSeconds null).");
        }
        if (!rollback.complete()) {
            notes.add(rollback.source().equals("given")
                    ? "The given rollback_sql leaves objects untouched: see rollbackPlan.uncovered."
                    : "The generated rollback is incomplete: see rollbackPlan.steps for each statement's status, and the "
                    + "-- TODO lines in rollbackPlan.sql.");
        }
        return notes;
    }
}

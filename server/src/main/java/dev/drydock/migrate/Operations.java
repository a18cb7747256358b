package dev.drydock.migrate;

import dev.drydock.migrate.MigrationPlan.Lock;
import dev.drydock.migrate.MigrationPlan.Operation;
import dev.drydock.migrate.PlanTarget.Relation;
import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.LockLevel;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/** A script's statements as plan operations: lock, work, data impact, risk and estimate of each. */
final class Operations {
    /**
     * The facts an operation is built from beyond the statement.
     *
     * @param newTable   whether the table the statement works on is created by this migration (before it, or by it)
     * @param sizeOf     the target's size of a relation ({@code schema.name}), null when unknown
     * @param reversible whether statement {@code i} can be undone
     */
    record Context(NewTable newTable, java.util.function.Function<String, Relation> sizeOf, IntPredicate reversible) {
    }

    @FunctionalInterface
    interface NewTable {
        boolean test(ObjectRef table, int index);
    }

    private Operations() {
    }

    static List<Operation> of(List<StatementInfo> statements, Context ctx) {
        List<Operation> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            out.add(operation(statements.get(i), i, ctx));
        }
        return out;
    }

    /** The table whose size and novelty decide the statement's cost: the one it locks, else its own. */
    static ObjectRef workTable(StatementInfo s) {
        if (s.lockOn() != null) {
            return s.lockOn();
        }
        return s.target() == null ? null : s.target().table();
    }

    private static Operation operation(StatementInfo s, int i, Context ctx) {
        ObjectRef table = workTable(s);
        boolean newTable = table != null && ctx.newTable().test(table, i);
        Relation size = table == null ? null : ctx.sizeOf().apply(Sql.key(table));
        Estimator.Estimate estimate = Estimator.estimate(s, newTable, size);
        String behavior = RiskModel.lockingBehavior(s, newTable);
        boolean breaking = !BreakingChanges.of(s, newTable).isEmpty();
        int score = RiskModel.score(s, behavior, size == null ? null : Estimator.rows(size), newTable, breaking);
        return new Operation(s.kind().toString(), RollbackGenerator.object(s), s.statement().text().strip(),
                s.statement().index(), s.line(), lock(s), behavior, s.rewrites(), s.scans(), s.transactional(),
                ctx.reversible().test(i), RiskModel.dataImpact(s), RiskModel.level(score), score, estimate.seconds(),
                estimate.basis());
    }

    /** The lock's mode and every table it is taken on: the main one and those a foreign key references. */
    private static Lock lock(StatementInfo s) {
        if (s.lock() == LockLevel.NONE) {
            return new Lock(null, List.of());
        }
        Set<String> on = new LinkedHashSet<>();
        if (s.lockOn() != null) {
            on.add(s.lockOn().qualified());
        }
        List<Detail.Constraint> constraints = new ArrayList<>();
        if (s.detail() instanceof Detail.Table t) {
            constraints.addAll(t.constraints());
        } else if (s.detail() instanceof Detail.Alter a) {
            a.actions().stream().map(AlterAction::constraint).filter(k -> k != null).forEach(constraints::add);
            on.add(ObjectRef.of(Kind.TABLE, a.table()).qualified());
        }
        constraints.stream().filter(k -> k.references() != null)
                .forEach(k -> on.add(ObjectRef.of(Kind.TABLE, k.references()).qualified()));
        return new Lock(s.lock().sqlName(), List.copyOf(on));
    }
}

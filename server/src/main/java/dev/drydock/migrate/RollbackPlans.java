package dev.drydock.migrate;

import dev.drydock.migrate.Inverse.Status;
import dev.drydock.migrate.MigrationPlan.Operation;
import dev.drydock.migrate.MigrationPlan.RollbackPlan;
import dev.drydock.sql.Analysis;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rollback plan: the generated one, or the agent's {@code rollback_sql} analysed like the
 * migration (locks, work, risk) and checked against it: every object the migration creates or
 * changes should be touched by some rollback statement, else it is listed as uncovered.
 */
final class RollbackPlans {
    private RollbackPlans() {
    }

    static RollbackPlan generated(RollbackGenerator.Generated g) {
        return new RollbackPlan("generated", g.sql(), g.sql(), g.complete(), g.steps(), List.of(), List.of(), g.backupSql());
    }

    static RollbackPlan given(String sql, Analysis rollback, ScriptObjects up, RollbackGenerator.Generated g,
                              Function<String, PlanTarget.Relation> sizeOf) {
        ScriptObjects own = new ScriptObjects(rollback.statements());
        Operations.Context ctx = new Operations.Context((table, i) -> up.creatorOf(ScriptObjects.relation(table)) >= 0
                || own.createdBefore(ScriptObjects.relation(table), i), sizeOf, i -> rollback.statements().get(i).reversible());
        List<Operation> operations = Operations.of(rollback.statements(), ctx);
        List<String> uncovered = uncovered(up, g, touched(rollback));
        return new RollbackPlan("given", sql, g.sql(), uncovered.isEmpty(), g.steps(), operations, uncovered,
                g.backupSql());
    }

    /** Every object a rollback statement names, with the table of each member object. */
    private static Set<String> touched(Analysis rollback) {
        Set<String> out = new HashSet<>();
        for (StatementInfo s : rollback.statements()) {
            for (ObjectRef o : s.objects()) {
                out.add(o.qualified());
                out.add(o.table().qualified());
            }
        }
        return out;
    }

    private static List<String> uncovered(ScriptObjects up, RollbackGenerator.Generated g, Set<String> touched) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < up.statements().size(); i++) {
            Status status = g.inverses().get(i).status();
            if (status == Status.NONE_NEEDED || status == Status.COVERED || status == Status.IRREVERSIBLE) {
                continue;
            }
            List<String> targets = undoTargets(up, i);
            if (!targets.isEmpty() && targets.stream().noneMatch(touched::contains)) {
                StatementInfo s = up.statements().get(i);
                out.add(targets.get(0) + " (statement " + i + ", line " + s.line() + ", " + s.kind() + ")");
            }
        }
        return out;
    }

    /** What a rollback of statement {@code i} must name: the relation it creates, else its columns, policy…, else its object. */
    private static List<String> undoTargets(ScriptObjects up, int i) {
        List<String> created = new ArrayList<>(up.creates(i));
        List<String> relations = created.stream().filter(k -> k.startsWith("relation:")).toList();
        List<String> keys = !relations.isEmpty() ? relations : created;
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(ScriptObjects.display(k)));
        StatementInfo s = up.statements().get(i);
        if (out.isEmpty() && s.target() != null) {
            out.add(s.target().qualified());
        }
        return out;
    }
}

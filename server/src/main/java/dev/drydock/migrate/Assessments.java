package dev.drydock.migrate;

import dev.drydock.migrate.Inverse.Status;
import dev.drydock.migrate.MigrationPlan.Estimates;
import dev.drydock.migrate.MigrationPlan.Operation;
import dev.drydock.migrate.MigrationPlan.RiskAssessment;
import dev.drydock.migrate.MigrationPlan.RollbackPlan;
import dev.drydock.migrate.MigrationPlan.TableSize;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The migration-wide parts of a plan: risk assessment and estimates, from its operations and rollback. */
final class Assessments {
    private Assessments() {
    }

    /** dangerous: a statement cannot be undone; complex: some inverse is missing, partial or outside a transaction. */
    static String rollbackComplexity(RollbackGenerator.Generated g, RollbackPlan plan) {
        if (g.inverses().stream().anyMatch(i -> i.status() == Status.IRREVERSIBLE)) {
            return "dangerous";
        }
        boolean partial = plan.source().equals("given") ? !plan.complete() : !g.complete();
        boolean lossy = g.inverses().stream().anyMatch(i -> i.preserveSql() != null);
        return partial || lossy || g.inverses().stream().anyMatch(Inverse::nonTransactional) ? "complex" : "simple";
    }

    static RiskAssessment risk(List<StatementInfo> statements, List<Operation> ops, RollbackGenerator.Generated g,
                               String complexity, Operations.NewTable newTable) {
        List<String> breaking = new ArrayList<>();
        List<String> factors = new ArrayList<>();
        boolean dataLoss = false;
        boolean downtime = false;
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            StatementInfo s = statements.get(i);
            ObjectRef table = Operations.workTable(s);
            breaking.addAll(BreakingChanges.of(s, table != null && newTable.test(table, i)));
            boolean covered = g.inverses().get(i).status() == Status.COVERED;
            dataLoss |= !covered && (op.dataImpact().equals("loss") || op.dataImpact().equals("overwrite"));
            downtime |= op.lockingBehavior().equals(RiskModel.EXCLUSIVE)
                    && (op.estimatedSeconds() == null || op.estimatedSeconds() >= 1);
            if (op.riskScore() >= 20) {
                factors.add("statement " + i + " (" + op.type() + (op.object() == null ? "" : " " + op.object()) + "): "
                        + op.riskScore() + " " + op.riskLevel());
            }
        }
        if (!complexity.equals("simple")) {
            factors.add("rollback " + complexity + ": +" + (complexity.equals("dangerous") ? 10 : 5));
        }
        int overall = RiskModel.overall(ops.stream().map(Operation::riskScore).toList(), complexity);
        return new RiskAssessment(overall, RiskModel.level(overall), breaking, dataLoss, downtime, complexity, factors);
    }

    static Estimates estimates(List<StatementInfo> statements, List<Operation> ops, PlanTarget target) {
        Double total = 0.0;
        Double blocking = 0.0;
        List<Integer> unknown = new ArrayList<>();
        for (Operation op : ops) {
            if (op.estimatedSeconds() == null) {
                unknown.add(op.statement_index());
            }
            total = add(total, op.estimatedSeconds());
            if (!op.lockingBehavior().equals(RiskModel.NONE)) {
                blocking = add(blocking, op.estimatedSeconds());
            }
        }
        Map<String, TableSize> tables = new LinkedHashMap<>();
        if (target != null) {
            for (StatementInfo s : statements) {
                ObjectRef t = Operations.workTable(s);
                PlanTarget.Relation r = t == null ? null : target.relations().get(Sql.key(t));
                if (r != null) {
                    tables.putIfAbsent(t.qualified(), new TableSize(t.qualified(), r.rows(), r.bytes(), r.totalBytes()));
                }
            }
        }
        String basis = target == null ? "no target: sizes unknown, work on existing tables has no estimate"
                : "target '" + target.name() + "': pg_class.reltuples and relation sizes";
        return new Estimates(basis, total, blocking, List.copyOf(tables.values()), unknown);
    }

    private static Double add(Double sum, Double seconds) {
        return sum == null || seconds == null ? null : Math.round((sum + seconds) * 100) / 100.0;
    }
}

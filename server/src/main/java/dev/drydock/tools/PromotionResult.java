package dev.drydock.tools;

import dev.drydock.migrate.ApplyEngine;
import dev.drydock.policy.Promoter;

import java.util.List;

/**
 * What {@code apply_migration} and {@code rollback} report: the migrations, every guard's verdict,
 * the plan's risk and locks, the approval, each statement run with its duration, every lock wait,
 * and whether the generated types are now stale.
 *
 * @param status {@code APPLIED}, {@code ROLLED_BACK}, {@code DRY_RUN} or {@code NOTHING_PENDING}
 * @param sql    in a dry run, the SQL that would run
 */
public record PromotionResult(String action, String status, String target, boolean protectedTarget,
                              List<Promoter.Planned> migrations, List<Promoter.GuardResult> guards, String planId,
                              Integer risk, String riskLevel, List<String> locks, Double estimatedSeconds,
                              String approvedBy, String approvedVia, List<ApplyEngine.Done> done,
                              List<ApplyEngine.LockWait> lockWaits, String sql, Boolean typesStale, String typesFile,
                              long millis) implements ToolOutput {

    static PromotionResult of(Promoter.Report r) {
        return new PromotionResult(r.action(), r.status(), r.target(), r.protectedTarget(), r.migrations(), r.guards(),
                r.planId(), r.planId() == null ? null : r.risk(), r.riskLevel(), r.locks(), r.estimatedSeconds(),
                r.approvedBy(), r.approvedVia(), r.done(), r.lockWaits(), r.sql(), r.typesStale(), r.typesFile(), r.millis());
    }

    @Override
    public String text() {
        boolean rollback = action.equals("rollback");
        String names = String.join(", ", migrations.stream().map(m -> m.version() + "_" + m.name()).toList());
        StringBuilder out = new StringBuilder();
        switch (status) {
            case "NOTHING_PENDING" -> out.append("NOTHING_PENDING: target '").append(target).append("' has ")
                    .append(rollback ? "no migration applied by Drydock to roll back." : "no pending migration.");
            case "DRY_RUN" -> out.append("DRY_RUN: ").append(rollback ? "rollback of " : "apply of ").append(names)
                    .append(" on target '").append(target).append("' would run:\n").append(sql == null ? "" : sql.strip());
            default -> {
                out.append(status).append(": ").append(names).append(rollback ? " rolled back on" : " applied to")
                        .append(" target '").append(target).append("' in ").append(millis).append(" ms");
                long statements = done.stream().mapToLong(d -> d.statements().size()).sum();
                out.append(" (").append(statements).append(" statement(s)");
                if (!lockWaits.isEmpty()) {
                    out.append(", ").append(lockWaits.size()).append(" lock wait(s) retried");
                }
                out.append(").");
            }
        }
        if (!guards.isEmpty()) {
            out.append("\nGuards: ");
            out.append(String.join("; ", guards.stream().map(g -> g.guard() + " " + g.result()).toList()));
        }
        if (planId != null) {
            out.append("\nplan_id ").append(planId).append(", risk ").append(risk).append(" (").append(riskLevel).append(")");
            if (!locks.isEmpty()) {
                out.append(", locks: ").append(String.join("; ", locks));
            }
        }
        if (approvedBy != null) {
            out.append("\nApproved by ").append(approvedBy).append(" via ").append(approvedVia).append('.');
        }
        if (typesStale != null && typesStale) {
            out.append("\nTypes in ").append(typesFile).append(" are now stale: run generate_types with out '")
                    .append(typesFile).append("' (or drydock types).");
        }
        if (status.equals("DRY_RUN")) {
            out.append("\nNext step: ").append(rollback ? "rollback" : "apply_migration").append(" with target '")
                    .append(target).append("' and dry_run false");
        }
        return out.toString();
    }
}

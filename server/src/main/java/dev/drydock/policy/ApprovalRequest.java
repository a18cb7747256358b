package dev.drydock.policy;

import java.util.List;
import java.util.Locale;

/**
 * What a human approves: one change to a protected target, bound to its {@code plan_id}. The apply
 * engine builds it from the plan; the elicitation form and {@code drydock approve} show it as is.
 *
 * @param planId           the plan's id (lowercase hex SHA-256 of up, rollback, target and schema fingerprint)
 * @param migrations       version_name of each migration, for example {@code 20240301090600_add_slug}
 * @param action           {@code apply} or {@code rollback}
 * @param risk             0–100, from the plan
 * @param riskLevel        the plan's word for it (low, medium, high…)
 * @param locks            for example {@code ACCESS EXCLUSIVE on public.posts}
 * @param estimatedSeconds the plan's estimate of how long the change holds its locks and runs
 */
public record ApprovalRequest(String planId, String target, List<String> migrations, String action, int risk,
                              String riskLevel, List<String> locks, double estimatedSeconds) {
    public static final String APPLY = "apply";
    public static final String ROLLBACK = "rollback";

    public ApprovalRequest {
        if (!Approvals.isPlanId(planId)) {
            throw new IllegalArgumentException("not a plan_id: " + planId);
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("an approval request needs a target");
        }
        if (!APPLY.equals(action) && !ROLLBACK.equals(action)) {
            throw new IllegalArgumentException("action must be apply or rollback, not " + action);
        }
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
        locks = locks == null ? List.of() : List.copyOf(locks);
        riskLevel = riskLevel == null ? "unknown" : riskLevel;
    }

    /** The request as a human reads it, one fact per line; the same text in the form and in the terminal. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Target:      ").append(target).append(" (protected)\n");
        out.append("Action:      ").append(action).append('\n');
        out.append("Migrations:  ").append(migrations.isEmpty() ? "(none named)" : String.join(", ", migrations)).append('\n');
        out.append("Risk:        ").append(risk).append("/100 (").append(riskLevel).append(")\n");
        out.append("Locks:       ").append(locks.isEmpty() ? "none listed" : String.join("; ", locks)).append('\n');
        out.append("Estimate:    ").append(seconds(estimatedSeconds)).append('\n');
        out.append("plan_id:     ").append(planId);
        return out.toString();
    }

    static String seconds(double s) {
        if (s < 1) {
            return "under 1 s";
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "about %.0f s", s);
        }
        return String.format(Locale.ROOT, "about %.0f min", s / 60);
    }
}

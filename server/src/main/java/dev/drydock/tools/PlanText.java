package dev.drydock.tools;

import dev.drydock.migrate.MigrationPlan.Operation;
import dev.drydock.migrate.MigrationPlan.OrderingIssue;
import dev.drydock.migrate.MigrationPlan.Prerequisite;
import dev.drydock.migrate.MigrationPlan.RollbackStep;
import dev.drydock.migrate.MigrationPlan.ValidationStep;
import dev.drydock.tools.ValidateSqlResult.FindingOut;

import java.math.BigDecimal;
import java.util.List;

/** The text rendering of a plan, as plan_migration's text content and {@code drydock plan} print it. */
final class PlanText {
    private PlanText() {
    }

    static String render(PlanMigrationResult r) {
        StringBuilder sb = new StringBuilder();
        var risk = r.riskAssessment();
        sb.append("Plan: ").append(r.statementCount()).append(" statement(s), overall risk ").append(risk.overallRisk())
                .append("/100 (").append(risk.riskLevel()).append("), rollback ").append(risk.rollbackComplexity())
                .append(", ").append(r.target() == null ? "no target" : "target '" + r.target() + "'")
                .append(" (PostgreSQL ").append(r.pgVersion()).append("); ").append(r.findingsSummary().errors())
                .append(" errors, ").append(r.findingsSummary().warnings()).append(" warnings, ")
                .append(r.findingsSummary().info()).append(" info\n");
        operations(sb, r.operations());
        rollback(sb, r);
        ordering(sb, r);
        list(sb, "Breaking changes", risk.breakingChanges());
        list(sb, "Prerequisites", r.prerequisites().stream().map(Prerequisite::message).toList());
        findings(sb, r.findings(), r.blocked());
        validation(sb, r.validationSteps());
        list(sb, "Notes", r.notes());
        return sb.append("plan_id ").append(r.plan_id()).toString();
    }

    private static void operations(StringBuilder sb, List<Operation> ops) {
        sb.append("Operations:\n");
        for (Operation o : ops) {
            sb.append("  #").append(o.statement_index()).append(" line ").append(o.line()).append("  ").append(o.type())
                    .append(o.object() == null ? "" : " " + o.object()).append("  ")
                    .append(o.lock().mode() == null ? "no lock" : o.lock().mode() + " on " + String.join(", ", o.lock().on()))
                    .append(", ").append(o.lockingBehavior()).append(", ").append(o.riskLevel()).append(" (")
                    .append(o.riskScore()).append("), ").append(seconds(o.estimatedSeconds())).append(" (")
                    .append(o.estimateBasis()).append(")").append(o.reversible() ? "" : ", irreversible").append('\n');
        }
    }

    private static void rollback(StringBuilder sb, PlanMigrationResult r) {
        var rb = r.rollbackPlan();
        sb.append("Rollback (").append(rb.source()).append(rb.complete() ? ", complete" : ", INCOMPLETE").append("):\n");
        if (rb.sql().isBlank()) {
            sb.append("  (nothing to undo)\n");
        }
        for (String line : rb.sql().isBlank() ? new String[0] : rb.sql().strip().split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        for (RollbackStep step : rb.steps()) {
            if (step.status().equals("irreversible") || step.preserveSql() != null) {
                sb.append("  ").append(step.status()).append(" #").append(step.statement_index()).append(": ")
                        .append(step.reason()).append('\n');
                if (step.preserveSql() != null) {
                    sb.append("    keep the data first: ").append(step.preserveSql().replace("\n", " ")).append('\n');
                }
            }
        }
        rb.uncovered().forEach(u -> sb.append("  not undone by rollback_sql: ").append(u).append('\n'));
    }

    private static void ordering(StringBuilder sb, PlanMigrationResult r) {
        var o = r.ordering();
        if (o.ok()) {
            return;
        }
        sb.append("Ordering:\n");
        for (OrderingIssue issue : o.issues()) {
            sb.append("  ").append(issue.message()).append('\n');
        }
        sb.append("  ").append(o.correctedOrder().isEmpty() ? o.note() : "corrected order: " + o.correctedOrder())
                .append('\n');
    }

    private static void findings(StringBuilder sb, List<FindingOut> findings, List<FindingOut> blocked) {
        if (!findings.isEmpty()) {
            sb.append("Findings:\n");
        }
        for (FindingOut f : findings) {
            sb.append("  sql:").append(Math.max(1, f.line())).append(':').append(Math.max(1, f.column())).append(": ")
                    .append(f.severity()).append(' ').append(f.rule()).append(": ").append(f.message()).append('\n');
            if (f.fix() != null && !f.fix().isBlank()) {
                sb.append("      fix: ").append(f.fix()).append('\n');
            }
        }
        if (!blocked.isEmpty()) {
            sb.append("Blocked patterns hit: ").append(blocked.stream().map(b -> b.rule() + " at line " + b.line())
                    .distinct().toList()).append('\n');
        }
    }

    private static void validation(StringBuilder sb, List<ValidationStep> steps) {
        if (!steps.isEmpty()) {
            sb.append("Check after apply:\n");
        }
        for (ValidationStep v : steps) {
            sb.append("  #").append(v.statement_index()).append(' ').append(v.check()).append(": ").append(v.sql())
                    .append("  -- expect ").append(v.expect()).append('\n');
        }
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append(title).append(":\n");
        items.forEach(i -> sb.append("  - ").append(i).append('\n'));
    }

    private static String seconds(Double s) {
        return s == null ? "time unknown" : BigDecimal.valueOf(s).stripTrailingZeros().toPlainString() + " s";
    }
}

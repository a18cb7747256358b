package dev.drydock.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Severity;
import dev.drydock.migrate.MigrationPlan;
import dev.drydock.migrate.MigrationPlan.Estimates;
import dev.drydock.migrate.MigrationPlan.Operation;
import dev.drydock.migrate.MigrationPlan.Ordering;
import dev.drydock.migrate.MigrationPlan.Prerequisite;
import dev.drydock.migrate.MigrationPlan.RiskAssessment;
import dev.drydock.migrate.MigrationPlan.RollbackPlan;
import dev.drydock.migrate.MigrationPlan.ValidationStep;
import dev.drydock.tools.ValidateSqlResult.FindingOut;
import dev.drydock.tools.ValidateSqlResult.Summary;

import java.util.List;

/**
 * plan_migration's result: the {@link MigrationPlan} with its lint findings in validate_sql's shape.
 * {@code ok} is false when a finding is an error or a blocked pattern is hit (drydock plan exits 1).
 * {@code target} is null (and present) when no target could be read.
 */
public record PlanMigrationResult(boolean ok, String plan_id, @JsonInclude(JsonInclude.Include.ALWAYS) String target,
                                  int pgVersion, String schemaFingerprint, int statementCount, List<String> notes,
                                  List<Operation> operations, RiskAssessment riskAssessment, RollbackPlan rollbackPlan,
                                  Ordering ordering, Estimates estimates, List<FindingOut> findings,
                                  Summary findingsSummary, List<FindingOut> blocked, List<Prerequisite> prerequisites,
                                  List<ValidationStep> validationSteps) implements ToolOutput {

    public static PlanMigrationResult of(MigrationPlan p) {
        LintResult lint = p.lint();
        boolean ok = lint.ok(false) && lint.blocked().isEmpty();
        return new PlanMigrationResult(ok, p.planId(), p.target(), p.pgVersion(), p.fingerprint(), p.operations().size(),
                p.notes(), p.operations(), p.riskAssessment(), p.rollbackPlan(), p.ordering(), p.estimates(),
                lint.findings().stream().map(FindingOut::of).toList(),
                new Summary(lint.count(Severity.ERROR), lint.count(Severity.WARNING), lint.count(Severity.INFO)),
                lint.blocked().stream().map(FindingOut::of).toList(), p.prerequisites(), p.validationSteps());
    }

    /** Compact, compiler-style: the summary line first, plan_id last (see docs/tools/plan_migration.md). */
    @Override
    public String text() {
        return PlanText.render(this);
    }
}

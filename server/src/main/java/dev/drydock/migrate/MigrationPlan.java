package dev.drydock.migrate;

import dev.drydock.lint.LintResult;

import java.util.List;

/**
 * The plan of one migration, as {@link MigrationPlanner} builds it: what each statement does and
 * risks, how to undo it, in which order it can run, what it needs and how to check it afterwards.
 * Field names are the wire names of {@code plan_migration}'s result.
 *
 * @param target      the target whose facts were read, or null when none could be
 * @param fingerprint that target's schema fingerprint, or {@code none}
 * @param notes       what the reader should know about how the plan was made (no target, unknown sizes)
 */
public record MigrationPlan(String planId, String target, int pgVersion, String fingerprint, List<String> notes,
                            List<Operation> operations, RiskAssessment riskAssessment, RollbackPlan rollbackPlan,
                            Ordering ordering, Estimates estimates, LintResult lint, List<Prerequisite> prerequisites,
                            List<ValidationStep> validationSteps) {

    /** The lock a statement takes: its mode as PostgreSQL names it (null when none) and the tables it is taken on. */
    public record Lock(String mode, List<String> on) {
    }

    /**
     * One statement of the migration.
     *
     * @param lockingBehavior {@code none}, {@code brief} (catalog change under a lock that blocks writes) or
     *                        {@code exclusive} (a rewrite or scan under such a lock)
     * @param dataImpact      {@code none}, {@code read}, {@code rewrite}, {@code write}, {@code overwrite} or {@code loss}
     * @param estimatedSeconds how long the statement works (and holds its lock), null when the size is unknown
     * @param estimateBasis   {@code catalog-only}, {@code new-table}, {@code target} or {@code unknown-size}
     */
    public record Operation(String type, String object, String sql, int statement_index, int line, Lock lock,
                            String lockingBehavior, boolean rewritesTable, boolean scansTable, boolean transactional,
                            boolean reversible, String dataImpact, String riskLevel, int riskScore,
                            Double estimatedSeconds, String estimateBasis) {
    }

    /**
     * @param overallRisk        0–100, see {@link RiskModel}
     * @param rollbackComplexity {@code simple}, {@code complex} or {@code dangerous}
     * @param factors            what raised the score, one line each
     */
    public record RiskAssessment(int overallRisk, String riskLevel, List<String> breakingChanges, boolean dataLoss,
                                 boolean downtime, String rollbackComplexity, List<String> factors) {
    }

    /**
     * @param source     {@code given} (rollback_sql) or {@code generated}
     * @param sql        the rollback the plan stands for: the given one, or the generated one
     * @param complete   every statement of the migration is undone (or needs no undoing)
     * @param steps      how each statement of the migration is undone, in statement order
     * @param operations the rollback's own statements, analysed like the migration's (given rollbacks only)
     * @param uncovered  objects the migration creates or changes that the given rollback never touches
     * @param backupSql  SQL to run before the migration so irreversible statements lose nothing, or null
     */
    public record RollbackPlan(String source, String sql, String generatedSql, boolean complete, List<RollbackStep> steps,
                               List<Operation> operations, List<String> uncovered, String backupSql) {
    }

    /**
     * @param status {@code inverse}, {@code covered} (undone by another step), {@code none-needed},
     *               {@code needs-target}, {@code irreversible} or {@code not-derivable}
     * @param sql    the inverse (with {@code -- TODO} lines where a value is unknown), or null
     * @param reason why there is no (complete) inverse, or what to know about it
     * @param preserveSql SQL that keeps the data an irreversible statement destroys
     */
    public record RollbackStep(int statement_index, int line, String type, String object, String status, String sql,
                               String reason, String preserveSql) {
    }

    /** @param correctedOrder statement indexes in an order that works, or empty when the order is fine or cannot be fixed */
    public record Ordering(boolean ok, List<OrderingIssue> issues, List<Integer> correctedOrder, String correctedSql,
                           List<Integer> cycle, String note) {
    }

    /** Statement {@code statement_index} needs {@code object}, which statement {@code createdBy} creates later. */
    public record OrderingIssue(int statement_index, int line, String object, int createdBy, String message) {
    }

    /**
     * @param totalSeconds    sum of the operations' estimates, null when one is unknown
     * @param blockingSeconds the part spent under locks that block writes, null when one is unknown
     */
    public record Estimates(String basis, Double totalSeconds, Double blockingSeconds, List<TableSize> tables,
                            List<Integer> unknownSize) {
    }

    public record TableSize(String table, Long rows, long bytes, long totalBytes) {
    }

    /** @param kind {@code extension}, {@code no-transaction}, {@code pg-version}, {@code missing-object} or {@code target} */
    public record Prerequisite(String kind, String message, Integer statement_index) {
    }

    /** A query a reviewer runs after apply; {@code expect} says what a good result looks like. */
    public record ValidationStep(int statement_index, String check, String sql, String expect) {
    }
}

package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.Redactor;
import dev.drydock.sql.Analysis;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A migration cut into the steps it runs as: consecutive statements that may run in a transaction
 * form one transactional step; a statement that cannot ({@code CREATE INDEX CONCURRENTLY},
 * {@code VACUUM}…) is a step of its own, run outside any transaction. A script marked
 * {@code -- drydock:no-transaction} runs every statement as its own step. Transaction control in
 * the script itself ({@code BEGIN}, {@code COMMIT}) is refused: Drydock owns the transactions.
 */
public final class MigrationSteps {

    /** One unit of execution; {@code statements} keep their index and line in the script. */
    public record Step(boolean transactional, List<StatementInfo> statements) {
        public Step {
            statements = List.copyOf(statements);
        }
    }

    private MigrationSteps() {
    }

    public static List<Step> of(Analysis analysis, String label) {
        List<Step> steps = new ArrayList<>();
        List<StatementInfo> group = new ArrayList<>();
        for (StatementInfo s : analysis.statements()) {
            if (s.kind() == StatementKind.TRANSACTION_CONTROL) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, label + ": statement " + (s.statement().index() + 1)
                        + " (line " + s.line() + ") controls the transaction (" + s.statement().text().strip()
                        + "); Drydock runs each migration in its own transaction.",
                        "Remove BEGIN/COMMIT/ROLLBACK from the script; for statements that cannot run in a transaction, "
                                + "put `-- drydock:no-transaction` on the first line.");
            }
            if (s.transactional() && !analysis.noTransaction()) {
                group.add(s);
                continue;
            }
            if (!group.isEmpty()) {
                steps.add(new Step(true, group));
                group = new ArrayList<>();
            }
            steps.add(new Step(false, List.of(s)));
        }
        if (!group.isEmpty()) {
            steps.add(new Step(true, group));
        }
        return steps;
    }

    /** Steps that run outside a transaction, for results that say so. */
    public static long standalone(List<Step> steps) {
        return steps.stream().filter(s -> !s.transactional()).count();
    }

    /**
     * Runs the steps in order; a transactional step commits only when all its statements ran.
     *
     * @param afterLast work done inside the last step's transaction when it is transactional (the
     *                  history row), or in a transaction of its own after it otherwise
     * @return null, or the first failure (steps before it stay applied)
     */
    public static StatementFailure run(Connection c, List<Step> steps, String label, int count, String database,
                                       HistoryReplay.Work afterLast, Redactor redactor) throws SQLException {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            StatementFailure f = step.transactional()
                    ? HistoryReplay.inTransaction(c, () -> {
                        StatementFailure failed = statements(c, step, label, count, database, redactor);
                        return failed == null && last ? afterLast.run() : failed;
                    })
                    : statements(c, step, label, count, database, redactor);
            if (f != null) {
                return f;
            }
            if (last && !step.transactional()) {
                return HistoryReplay.inTransaction(c, afterLast);
            }
        }
        return steps.isEmpty() ? HistoryReplay.inTransaction(c, afterLast) : null;
    }

    private static StatementFailure statements(Connection c, Step step, String label, int count, String database,
                                               Redactor redactor) {
        for (StatementInfo s : step.statements()) {
            StatementFailure f = ScriptRunner.execute(c, label, s.statement(), count, database, redactor);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}

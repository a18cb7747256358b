package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.sql.SqlStatement;
import dev.drydock.sql.Splitter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a script statement by statement, so a failure names the file, statement and line. */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /**
     * Runs every statement of {@code sql} on {@code c}, in whatever transaction {@code c} is in,
     * stopping at the first one PostgreSQL refuses.
     *
     * @param label    the file name or other name shown in failures
     * @param database the target or branch name used in messages
     * @return null when every statement ran, else what failed
     */
    public static StatementFailure execute(Connection c, String label, String sql, String database, Redactor redactor) {
        List<SqlStatement> statements = Splitter.split(sql);
        for (SqlStatement statement : statements) {
            StatementFailure failure = execute(c, label, statement, statements.size(), database, redactor);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** Runs one statement of a script; null when it succeeded. */
    public static StatementFailure execute(Connection c, String label, SqlStatement statement, int count, String database,
                                           Redactor redactor) {
        try (Statement st = c.createStatement()) {
            st.execute(statement.text());
            return null;
        } catch (SQLException e) {
            DrydockException pg = SqlErrors.translate(e, database, redactor);
            return StatementFailure.of(label, statement.index() + 1, count, statement.line(), statement.text(), pg);
        }
    }

    /** Like {@link #execute}, with a failure thrown as {@code failureCode} and {@code nextStep}. */
    public static void run(Connection c, String label, String sql, ErrorCode failureCode, String database, String nextStep,
                           Redactor redactor) {
        StatementFailure f = execute(c, label, sql, database, redactor);
        if (f != null) {
            throw failure(failureCode, f, nextStep);
        }
    }

    public static DrydockException failure(ErrorCode code, StatementFailure f, String nextStep) {
        return new DrydockException(code, f.describe(), f.hint() != null ? f.hint() : "Fix the statement named above.",
                List.of(nextStep), f.serverError(), null);
    }
}

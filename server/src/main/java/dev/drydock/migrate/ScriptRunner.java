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
     * Runs every statement of {@code sql} on {@code c}, in whatever transaction {@code c} is in.
     *
     * @param label the file name or other name shown in errors
     */
    public static void run(Connection c, String label, String sql, ErrorCode failureCode, Redactor redactor) {
        List<SqlStatement> statements = Splitter.split(sql);
        for (SqlStatement statement : statements) {
            try (Statement st = c.createStatement()) {
                st.execute(statement.text());
            } catch (SQLException e) {
                DrydockException pg = SqlErrors.translate(e, "local", redactor);
                throw new DrydockException(failureCode,
                        label + ", statement " + (statement.index() + 1) + " of " + statements.size() + " (line "
                                + statement.line() + ") failed: " + pg.getMessage(),
                        pg.hint(), List.of("fix " + label + " and restart Drydock; the files before it stay applied"),
                        pg.serverError(), e);
            }
        }
    }
}

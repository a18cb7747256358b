package dev.drydock.db;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.ReadOnlyCheck;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;

/**
 * The boundary where {@link SQLException} becomes {@link DrydockException}: PostgreSQL's own
 * fields are kept (SQLSTATE, detail, hint, position, table, column, constraint), secrets removed.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static DrydockException translate(SQLException e, String target, Redactor redactor) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        DrydockException.ServerError server = serverError(e, redactor);
        String message = redactor.redact(server != null ? server.message() : e.getMessage());
        boolean connection = state.startsWith("08") && !state.equals("08P01"); // 08P01: the request itself was malformed
        if (connection || state.startsWith("28") || state.equals("3D000") || state.equals("57P03")) {
            return new DrydockException(ErrorCode.TARGET_UNREACHABLE,
                    "Cannot connect to target '" + target + "': " + message + " (SQLSTATE " + state + ").",
                    "Check that the server is running and that the target's URL, user and password are right.",
                    List.of("status, to see every target's reachability"), server, e);
        }
        if (state.equals("57014")) {
            return new DrydockException(ErrorCode.STATEMENT_TIMEOUT,
                    "The statement on target '" + target + "' was cancelled by statement_timeout: " + message + ".",
                    "Narrow the query (a WHERE, a LIMIT, an index) or raise policy.readStatementTimeout in drydock.yaml.",
                    List.of("execute_sql with a narrower query"), server, e);
        }
        if (state.equals("25006")) {
            return new DrydockException(ErrorCode.READ_ONLY_VIOLATION,
                    "PostgreSQL refused a write in execute_sql's read-only transaction on target '" + target + "': "
                            + message + ".",
                    "execute_sql only reads on targets; changes go through a migration.",
                    List.of(ReadOnlyCheck.CHANGE_THROUGH_MIGRATION), server, e);
        }
        String hint = server != null && server.hint() != null ? server.hint() : "Fix the statement and run it again.";
        return new DrydockException(ErrorCode.SQL_ERROR,
                "PostgreSQL error on target '" + target + "': " + message + " (SQLSTATE " + state + ")"
                        + (server != null && server.detail() != null ? "\nDetail: " + server.detail() : "")
                        + (server != null && server.position() != null ? "\nAt character " + server.position() : "") + ".",
                hint, List.of(), server, e);
    }

    private static DrydockException.ServerError serverError(SQLException e, Redactor r) {
        if (!(e instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return e.getSQLState() == null ? null : new DrydockException.ServerError(e.getSQLState(), null,
                    r.redact(e.getMessage()), null, null, null, null, null, null, null, null);
        }
        ServerErrorMessage m = psql.getServerErrorMessage();
        return new DrydockException.ServerError(m.getSQLState(), m.getSeverity(), r.redact(m.getMessage()),
                r.redact(m.getDetail()), r.redact(m.getHint()), m.getPosition() > 0 ? m.getPosition() : null,
                r.redact(m.getWhere()), m.getSchema(), m.getTable(), m.getColumn(), m.getConstraint());
    }
}

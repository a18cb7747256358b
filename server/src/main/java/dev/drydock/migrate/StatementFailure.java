package dev.drydock.migrate;

import dev.drydock.DrydockException;

/**
 * A statement PostgreSQL refused while Drydock ran a script: where (file, statement, line) and
 * everything PostgreSQL said about it.
 *
 * @param file           the file name, or what the script is ("up", "rollback", "seed")
 * @param statementIndex 1-based
 * @param line           1-based line of the statement's first token in the script
 * @param statement      the statement's text, shortened for display
 */
public record StatementFailure(String file, int statementIndex, int statementCount, int line, String statement,
                               String sqlState, String message, String detail, String hint, Integer position) {
    private static final int SHOWN = 300;

    static StatementFailure of(String file, int index, int count, int line, String statement,
                               DrydockException pg) {
        DrydockException.ServerError s = pg.serverError();
        String text = statement.strip();
        return new StatementFailure(file, index, count, line, text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text,
                s == null ? null : s.sqlState(), s == null || s.message() == null ? pg.getMessage() : s.message(),
                s == null ? null : s.detail(), s == null ? null : s.hint(), s == null ? null : s.position());
    }

    /** PostgreSQL's fields, in the shape errors carry them. */
    public DrydockException.ServerError serverError() {
        return new DrydockException.ServerError(sqlState, "ERROR", message, detail, hint, position, null, null, null, null,
                null);
    }

    /** One line: {@code file, statement 2 of 5 (line 7): message (SQLSTATE 42P01)}. */
    public String describe() {
        return file + ", statement " + statementIndex + " of " + statementCount + " (line " + line + "): " + message
                + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")")
                + (detail == null ? "" : ". Detail: " + detail)
                + (hint == null ? "" : ". Hint: " + hint);
    }
}

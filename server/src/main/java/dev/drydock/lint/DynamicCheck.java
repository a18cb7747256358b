package dev.drydock.lint;

import dev.drydock.DrydockException;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.sql.SqlStatement;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.drydock.sql.StatementKind.*;

/**
 * validate_sql's dynamic check: the SQL runs on a scratch clone of the project (its history
 * applied), statement by statement in one transaction that is rolled back, each statement under a
 * savepoint; what PostgreSQL refuses becomes a {@code syntax-error} (SQLSTATE 42601) or
 * {@code semantic-error} finding at the position PostgreSQL names. Statements that cannot run in a
 * transaction, or that reach outside the database, are not executed.
 */
public final class DynamicCheck {
    /** PostgreSQL errors reported at most; execution stops at the cap (later errors often follow from earlier ones). */
    public static final int MAX_ERRORS = 20;
    public static final String STATEMENT_TIMEOUT = "5s";
    public static final String LOCK_TIMEOUT = "2s";
    private static final int SKIPPED_SHOWN = 20;
    private static final long BUDGET_MILLIS = 60_000;
    private static final String NAME = "scratch clone";

    /**
     * Kinds that stay inside the database and are executed: schema DDL, DML, and session settings.
     * Everything else is skipped, fail closed: databases, roles, ALTER SYSTEM, COPY (server files and
     * programs), transaction control, maintenance, LISTEN/NOTIFY, DISCARD, other utilities, the
     * {@code CREATE/ALTER/DROP} of objects Drydock does not model (tablespaces, subscriptions…), UNKNOWN.
     */
    static final Set<StatementKind> RUNS = EnumSet.of(CREATE_TABLE, CREATE_TABLE_AS, ALTER_TABLE, DROP_TABLE, TRUNCATE,
            ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT,
            ADD_IDENTITY, ADD_CONSTRAINT, DROP_CONSTRAINT, VALIDATE_CONSTRAINT, RENAME_COLUMN, RENAME_TABLE,
            RENAME_CONSTRAINT, ENABLE_RLS, DISABLE_RLS, FORCE_RLS, NO_FORCE_RLS, ATTACH_PARTITION, DETACH_PARTITION,
            SET_SCHEMA, ALTER_TABLE_OTHER, CREATE_INDEX, DROP_INDEX, REINDEX, ALTER_INDEX, CREATE_VIEW,
            CREATE_MATERIALIZED_VIEW, REFRESH_MATERIALIZED_VIEW, ALTER_VIEW, DROP_VIEW, CREATE_SEQUENCE, ALTER_SEQUENCE,
            DROP_SEQUENCE, CREATE_TYPE, ALTER_TYPE, ADD_ENUM_VALUE, DROP_TYPE, CREATE_DOMAIN, ALTER_DOMAIN,
            CREATE_FUNCTION, ALTER_FUNCTION, DROP_FUNCTION, CREATE_TRIGGER, ALTER_TRIGGER, DROP_TRIGGER, DO_BLOCK, CALL,
            CREATE_RULE, CREATE_POLICY, ALTER_POLICY, DROP_POLICY, GRANT, REVOKE, ALTER_DEFAULT_PRIVILEGES,
            CREATE_SCHEMA, ALTER_SCHEMA, DROP_SCHEMA, CREATE_EXTENSION, ALTER_EXTENSION, DROP_EXTENSION, COMMENT,
            SECURITY_LABEL, CREATE_PUBLICATION, ALTER_PUBLICATION, SELECT, INSERT, UPDATE, DELETE, MERGE, SET, RESET,
            SHOW, EXPLAIN, PREPARE, EXECUTE_PREPARED, LOCK_TABLE, ANALYZE);

    /** A statement not executed, and why. */
    public record Skipped(String file, int statementIndex, int line, String reason) {
    }

    /**
     * @param requested   the check was wanted (asked for, or on by default)
     * @param ran         the SQL was executed on a scratch clone
     * @param database    what the clone holds, or null
     * @param reason      why it did not run, or why it stopped early; null when it ran to the end
     * @param executed    statements PostgreSQL accepted
     * @param notExecuted statements skipped (the first of them in {@code skipped})
     * @param findings    PostgreSQL's errors as findings
     */
    public record Outcome(boolean requested, boolean ran, String database, String reason, int executed, int notExecuted,
                          List<Skipped> skipped, List<Finding> findings) {
        public Outcome {
            skipped = List.copyOf(skipped);
            findings = List.copyOf(findings);
        }

        public static Outcome notRun(boolean requested, String reason) {
            return new Outcome(requested, false, null, reason, 0, 0, List.of(), List.of());
        }
    }

    private final ScratchSource scratch;
    private final boolean onByDefault;
    private final Redactor redactor;

    /** @param onByDefault run when the caller does not say (off where it would start a server just for this) */
    public DynamicCheck(ScratchSource scratch, boolean onByDefault, Redactor redactor) {
        this.scratch = scratch;
        this.onByDefault = onByDefault;
        this.redactor = redactor;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    /** Runs {@code scripts} in order on a clone of the project's history less the {@code validated} files. */
    public Outcome run(List<Linter.Analyzed> scripts, List<Path> validated) {
        try (ScratchSource.Lease lease = scratch.lease(validated)) {
            Run run = new Run(lease.description());
            limits(lease.connection());
            for (Linter.Analyzed script : scripts) {
                for (StatementInfo s : script.analysis().statements()) {
                    String stop = run.stopped();
                    if (stop != null) {
                        return run.outcome(stop);
                    }
                    statement(lease.connection(), script.path(), s, run);
                }
            }
            return run.outcome(null);
        } catch (DrydockException e) {
            return Outcome.notRun(true, "No scratch database: " + e.getMessage());
        } catch (SQLException e) {
            return Outcome.notRun(true, "The scratch database failed: " + SqlErrors.translate(e, NAME, redactor).getMessage());
        }
    }

    private void statement(Connection c, String file, StatementInfo s, Run run) throws SQLException {
        String refusal = refusal(s);
        if (refusal != null) {
            run.skip(new Skipped(file, s.statement().index(), s.line(), refusal));
            return;
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.setMaxRows(1);
            st.execute("SAVEPOINT drydock_check");
            try {
                st.execute(s.statement().text());
                st.execute("RELEASE SAVEPOINT drydock_check");
                run.executed++;
            } catch (SQLException e) {
                st.execute("ROLLBACK TO SAVEPOINT drydock_check");
                failed(file, s, e, run);
            }
        }
        if (s.kind() == SET || s.kind() == RESET) {
            limits(c); // the script may have changed them
        }
    }

    private void failed(String file, StatementInfo s, SQLException e, Run run) throws SQLException {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.isEmpty() || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
            throw e; // the server or the connection, not the statement
        }
        if (state.equals("57014") || state.equals("55P03")) {
            run.skip(new Skipped(file, s.statement().index(), s.line(), state.equals("57014")
                    ? "did not finish within statement_timeout " + STATEMENT_TIMEOUT + " on the scratch clone; not checked"
                    : "could not take its lock within lock_timeout " + LOCK_TIMEOUT + " on the scratch clone; not checked"));
            return;
        }
        DrydockException.ServerError pg = SqlErrors.translate(e, NAME, redactor).serverError();
        Rule rule = state.equals("42601") ? Rule.SYNTAX_ERROR : Rule.SEMANTIC_ERROR;
        int[] at = pg.position() == null ? new int[]{s.line(), s.column()} : position(s.statement(), pg.position());
        run.findings.add(new Finding(rule.id(), rule.defaultSeverity(), message(pg, state), rule.fix(), file,
                s.statement().index(), at[0], at[1], object(pg)));
    }

    /** Why {@code s} is not executed, or null when it is. */
    static String refusal(StatementInfo s) {
        if (!s.transactional()) {
            return s.kind() + " cannot run in a transaction; not executed";
        }
        if (s.dynamicSql()) {
            return "executes SQL built at run time, which cannot be vetted beforehand; not executed";
        }
        if (!RUNS.contains(s.kind())) {
            return s.kind() + " is not plain DDL or DML of the database; not executed";
        }
        if (s.kind() == CREATE_FUNCTION) {
            return null; // creating a routine runs none of its body
        }
        for (StatementInfo n : s.nested()) {
            String inner = refusal(n);
            if (inner != null) {
                return "contains a statement that is not executed (" + inner + ")";
            }
        }
        return null;
    }

    /** Line and column of PostgreSQL's 1-based character {@code position} within the statement's text. */
    static int[] position(SqlStatement statement, int position) {
        String text = statement.text();
        int chars = text.offsetByCodePoints(0, Math.min(Math.max(position - 1, 0), text.codePointCount(0, text.length())));
        int line = statement.line();
        int column = statement.column();
        for (int i = 0; i < chars; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[]{line, column};
    }

    private static String message(DrydockException.ServerError pg, String state) {
        StringBuilder sb = new StringBuilder("PostgreSQL: ").append(pg.message()).append(" (SQLSTATE ").append(state).append(')');
        if (pg.detail() != null) {
            sb.append(". Detail: ").append(pg.detail());
        }
        if (pg.hint() != null) {
            sb.append(". Hint: ").append(pg.hint());
        }
        if (pg.where() != null) {
            sb.append(". Where: ").append(pg.where().lines().findFirst().orElse(""));
        }
        return sb.toString();
    }

    private static String object(DrydockException.ServerError pg) {
        if (pg.table() == null) {
            return null;
        }
        return (pg.schema() == null ? "" : pg.schema() + ".") + pg.table() + (pg.column() == null ? "" : "." + pg.column());
    }

    private static void limits(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            st.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            st.execute("SET LOCAL idle_in_transaction_session_timeout = '60s'");
        }
    }

    /** What one run has found so far. */
    private static final class Run {
        private final String database;
        private final long start = System.nanoTime();
        private final List<Finding> findings = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();
        private int notExecuted;
        private int executed;

        Run(String database) {
            this.database = database;
        }

        void skip(Skipped s) {
            notExecuted++;
            if (skipped.size() < SKIPPED_SHOWN) {
                skipped.add(s);
            }
        }

        String stopped() {
            if (findings.size() >= MAX_ERRORS) {
                return "Stopped after " + MAX_ERRORS + " PostgreSQL errors; the statements after the last one were not executed.";
            }
            if ((System.nanoTime() - start) / 1_000_000 > BUDGET_MILLIS) {
                return "Stopped after " + BUDGET_MILLIS / 1000 + " s; the remaining statements were not executed.";
            }
            return null;
        }

        Outcome outcome(String stoppedBecause) {
            return new Outcome(true, true, database, stoppedBecause, executed, notExecuted, skipped, findings);
        }
    }
}

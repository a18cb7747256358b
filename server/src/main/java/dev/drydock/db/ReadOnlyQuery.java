package dev.drydock.db;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.ReadOnlyCheck;
import dev.drydock.sql.SqlStatement;
import dev.drydock.sql.Splitter;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;
import org.postgresql.util.PGobject;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one statement on a target so that it cannot change anything, in three layers:
 * <ol>
 *   <li>exactly one statement, split by Drydock's own lexer (pgjdbc would run every part of a
 *       {@code ;}-separated string);</li>
 *   <li>{@link ReadOnlyCheck}: only reading statement kinds, no denied functions, and here also
 *       no VOLATILE user function, which may have side effects;</li>
 *   <li>PostgreSQL itself: a READ ONLY transaction with a statement_timeout, always rolled back,
 *       on a connection whose session state is discarded afterwards.</li>
 * </ol>
 */
public final class ReadOnlyQuery {
    public static final int HARD_MAX_ROWS = 1000;

    /**
     * Built-in VOLATILE functions whose volatility is only randomness, the clock or sizes read from
     * disk; every other VOLATILE function, built-in or not, is refused (it may have side effects).
     */
    static final List<String> ALLOWED_VOLATILE = List.of("random", "random_normal", "gen_random_uuid", "uuidv4",
            "uuidv7", "clock_timestamp", "timeofday", "pg_sleep", "pg_sleep_for", "pg_sleep_until",
            "pg_relation_size", "pg_total_relation_size", "pg_table_size", "pg_indexes_size", "pg_database_size",
            "pg_tablespace_size", "pg_is_in_recovery", "pg_current_wal_lsn", "pg_current_wal_insert_lsn",
            "pg_current_wal_flush_lsn", "pg_last_wal_receive_lsn", "pg_last_wal_replay_lsn",
            "pg_last_xact_replay_timestamp", "pg_blocking_pids", "pg_safe_snapshot_blocking_pids", "pg_lock_status");

    private static final String VOLATILE_FUNCTIONS = """
            SELECT DISTINCT n.nspname || '.' || p.proname
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proname = ANY (?) AND p.provolatile = 'v'
               AND NOT (n.nspname = 'pg_catalog'
                        AND (p.proname = ANY (?) OR p.proname LIKE 'pg\\_stat\\_get\\_%' OR p.proname LIKE 'pg\\_control\\_%'))
               -- randomness from pgcrypto and uuid-ossp (Supabase installs both in `extensions`)
               AND NOT (p.proname IN ('gen_random_uuid', 'gen_random_bytes', 'uuid_generate_v1', 'uuid_generate_v1mc',
                                      'uuid_generate_v4')
                        AND EXISTS (SELECT 1 FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                                     WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
                                       AND e.extname IN ('pgcrypto', 'uuid-ossp')))
             ORDER BY 1""";

    private static final Set<String> LIST_ELEMENT_TYPES = Set.of("int2", "int4", "int8", "float4", "float8",
            "numeric", "bool", "text", "varchar", "bpchar", "name", "uuid", "json", "jsonb", "citext");

    private final ObjectMapper json;

    public record Column(String name, String type) {
    }

    public record Rows(List<Column> columns, List<List<Object>> rows, boolean truncated, long rowsAffected) {
        public Rows(List<Column> columns, List<List<Object>> rows, boolean truncated) {
            this(columns, rows, truncated, -1);
        }

    }

    public ReadOnlyQuery(ObjectMapper json) {
        this.json = json;
    }

    /** A statement that passed the static layers, with the functions it calls. */
    public record Checked(SqlStatement statement, Set<String> calls) {
    }

    /** Layers 1 and 2, with no database: refuses before anything is opened. */
    public static Checked check(String sql) {
        SqlStatement statement = single(sql, true);
        return new Checked(statement, ReadOnlyCheck.check(statement));
    }

    private static SqlStatement single(String sql, boolean standardConformingStrings) {
        List<SqlStatement> statements = Splitter.split(sql, standardConformingStrings);
        if (statements.size() != 1) {
            throw new DrydockException(ErrorCode.SINGLE_STATEMENT_REQUIRED,
                    "execute_sql runs exactly one statement per call; this SQL has " + statements.size() + ".",
                    statements.isEmpty() ? "Send a statement, not only comments or whitespace."
                            : "Send the statements one call at a time; statement 2 starts on line "
                            + statements.get(1).line() + ".",
                    "execute_sql with one statement");
        }
        return statements.get(0);
    }

    /** Layer 3 (and the catalog part of layer 2) on {@code c}, which is left reset. */
    public Rows run(Connection c, String target, Checked checked, int maxRows, Duration timeout, Redactor redactor) {
        try {
            checked = recheckAsTheServerReads(c, checked);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            }
            refuseVolatileFunctions(c, checked.calls());
            return execute(c, checked.statement().text(), maxRows, timeout);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target, redactor);
        } finally {
            reset(c);
        }
    }

    /**
     * One statement on a branch, where writes are allowed (branches are throwaway): the same
     * single-statement checks, autocommit, the same statement_timeout; rows when it returns any.
     *
     * @return the rows, and the rows affected for a statement that returns none (else -1)
     */
    public Rows runWritable(Connection c, String branch, String sql, int maxRows, Duration timeout, Redactor redactor) {
        try {
            Checked checked = recheckAsTheServerReads(c, new Checked(single(sql, true), Set.of()));
            try (Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = " + Math.max(1, timeout.toMillis()));
            }
            return execute(c, checked.statement().text(), maxRows, timeout);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, branch, redactor);
        }
    }

    /**
     * The statement as this server and pgjdbc will read it: checked again with the server's
     * {@code standard_conforming_strings}, and refused unless pgjdbc's own parser, which decides what
     * is sent, also sees exactly one statement. Two independent splitters must agree.
     */
    private static Checked recheckAsTheServerReads(Connection c, Checked checked) throws SQLException {
        boolean standard = c.unwrap(BaseConnection.class).getStandardConformingStrings();
        Checked asRead = checked;
        if (!standard) {
            SqlStatement statement = single(checked.statement().text(), false);
            asRead = new Checked(statement, ReadOnlyCheck.check(statement));
        }
        int pieces = Parser.parseJdbcSql(asRead.statement().text(), standard, false, true, false, false).size();
        if (pieces != 1) {
            throw new DrydockException(ErrorCode.SINGLE_STATEMENT_REQUIRED,
                    "execute_sql runs exactly one statement per call, and the PostgreSQL driver reads " + pieces
                            + " in this SQL (a comment or quote that ends differently for the server than it appears to).",
                    "Send one plain statement, without line breaks inside comments or escapes that hide a semicolon.",
                    "execute_sql with one statement");
        }
        return asRead;
    }

    private static void refuseVolatileFunctions(Connection c, Set<String> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(VOLATILE_FUNCTIONS)) {
            ps.setArray(1, c.createArrayOf("text", calls.toArray()));
            ps.setArray(2, c.createArrayOf("text", ALLOWED_VOLATILE.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                if (!found.isEmpty()) {
                    throw new DrydockException(ErrorCode.FUNCTION_NOT_ALLOWED,
                            "execute_sql refuses to call " + String.join(", ", found)
                                    + ": VOLATILE functions may have side effects, and execute_sql only reads. The "
                                    + "built-in VOLATILE functions it calls are those of randomness, time and sizes: "
                                    + String.join(", ", ALLOWED_VOLATILE) + ".",
                            "Query the tables or views directly; a function of your own that only reads can be marked "
                                    + "STABLE in a migration.",
                            "execute_sql reading the function's tables directly",
                            ReadOnlyCheck.CHANGE_THROUGH_MIGRATION + " (ALTER FUNCTION … STABLE), if it truly only reads");
                }
            }
        }
    }

    private Rows execute(Connection c, String sql, int maxRows, Duration timeout) throws SQLException {
        try (Statement st = c.createStatement()) {
            // statement_timeout is the server's bound; this one holds when the server stops answering.
            st.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds() + 10));
            st.setMaxRows(maxRows + 1);
            st.setFetchSize(Math.min(maxRows + 1, 500));
            if (!st.execute(sql)) {
                return new Rows(List.of(), List.of(), false, st.getUpdateCount());
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Column> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(new Column(md.getColumnLabel(i), typeName(md.getColumnTypeName(i))));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == maxRows) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(value(rs, i, md.getColumnType(i), columns.get(i - 1).type()));
                    }
                    rows.add(row);
                }
                return new Rows(columns, rows, truncated);
            }
        }
    }

    /** pgjdbc names auto-increment columns after the serial pseudo-types; report the real type. */
    private static String typeName(String name) {
        return switch (name) {
            case "smallserial" -> "int2";
            case "serial" -> "int4";
            case "bigserial" -> "int8";
            default -> name;
        };
    }

    private Object value(ResultSet rs, int i, int sqlType, String pgType) throws SQLException {
        String text = rs.getString(i);
        if (text == null) {
            return null;
        }
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
            case Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.FLOAT -> number(text);
            case Types.ARRAY -> array(rs.getArray(i), text);
            default -> pgType.equals("json") || pgType.equals("jsonb") ? jsonValue(text) : text;
        };
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /**
     * Arrays of numbers, booleans, strings, uuids and JSON become nested lists of any dimension.
     * Other element types (timestamps, intervals, bytea, geometric…) keep PostgreSQL's own text form
     * of the whole array, because their Java objects would print differently from what is stored.
     */
    private Object array(Array array, String text) {
        try {
            String base = array.getBaseTypeName();
            if (!LIST_ELEMENT_TYPES.contains(base)) {
                return text;
            }
            return element(array.getArray(), "json".equals(base) || "jsonb".equals(base));
        } catch (SQLException e) {
            return text;
        }
    }

    /** Arrays of any dimension become nested lists; json/jsonb elements keep their JSON type. */
    private Object element(Object value, boolean json) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Object[] items) {
            List<Object> out = new ArrayList<>(items.length);
            for (Object item : items) {
                out.add(element(item, json));
            }
            return out;
        }
        String text = value instanceof PGobject pg ? pg.getValue() : value.toString();
        return json && text != null ? jsonValue(text) : text;
    }

    private Object jsonValue(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** Rolls back whatever happened and discards the session's state before the connection is reused. */
    private static void reset(Connection c) {
        try {
            c.rollback();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("DISCARD ALL");
            }
        } catch (SQLException e) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the pool drops an aborted connection
            }
        }
    }
}

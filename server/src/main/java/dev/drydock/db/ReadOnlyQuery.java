package dev.drydock.db;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.ReadOnlyCheck;
import dev.drydock.sql.SqlStatement;
import dev.drydock.sql.Splitter;
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

    private static final String VOLATILE_USER_FUNCTIONS = """
            SELECT DISTINCT n.nspname || '.' || p.proname
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proname = ANY (?) AND p.provolatile = 'v'
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
             ORDER BY 1""";

    private static final Set<String> LIST_ELEMENT_TYPES = Set.of("int2", "int4", "int8", "float4", "float8",
            "numeric", "bool", "text", "varchar", "bpchar", "name", "uuid", "json", "jsonb", "citext");

    private final ObjectMapper json;

    public record Column(String name, String type) {
    }

    public record Rows(List<Column> columns, List<List<Object>> rows, boolean truncated, String command) {
    }

    public ReadOnlyQuery(ObjectMapper json) {
        this.json = json;
    }

    /** A statement that passed the static layers, with the functions it calls. */
    public record Checked(SqlStatement statement, Set<String> calls) {
    }

    /** Layers 1 and 2, with no database: refuses before anything is opened. */
    public static Checked check(String sql) {
        SqlStatement statement = single(sql);
        return new Checked(statement, ReadOnlyCheck.check(statement));
    }

    private static SqlStatement single(String sql) {
        List<SqlStatement> statements = Splitter.split(sql);
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
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
            }
            refuseVolatileUserFunctions(c, checked.calls());
            return execute(c, checked.statement().text(), maxRows, timeout);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target, redactor);
        } finally {
            reset(c);
        }
    }

    private static void refuseVolatileUserFunctions(Connection c, Set<String> calls) throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(VOLATILE_USER_FUNCTIONS)) {
            ps.setArray(1, c.createArrayOf("text", calls.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                if (!found.isEmpty()) {
                    throw new DrydockException(ErrorCode.FUNCTION_NOT_ALLOWED,
                            "execute_sql refuses to call " + String.join(", ", found)
                                    + ": VOLATILE functions may have side effects, and execute_sql only reads.",
                            "Mark the function STABLE or IMMUTABLE in a migration if it only reads, or query its tables directly.",
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
                return new Rows(List.of(), List.of(), false, "no rows");
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
                return new Rows(columns, rows, truncated, "rows");
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

package dev.drydock.branch;

import dev.drydock.sql.Identifiers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data side of the branch cycle: for each table a migration touches, its row count and an
 * order-independent hash of its rows ({@code sum(hashtextextended(row::text, 0))}), so a rollback
 * that deletes or changes rows it did not create is caught even when the schema comes back equal.
 */
final class DataCheck {

    /** One table's rows, summarised. */
    record TableData(long rows, String hash) {
    }

    private DataCheck() {
    }

    /** @param tables qualified {@code schema.table} names that exist on {@code c}'s database */
    static Map<String, TableData> read(Connection c, Collection<String> tables, boolean withHash) throws SQLException {
        Map<String, TableData> out = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                int dot = table.indexOf('.');
                String from = Identifiers.quote(table.substring(0, dot)) + "." + Identifiers.quote(table.substring(dot + 1));
                String sql = withHash
                        ? "SELECT count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)::text FROM " + from + " t"
                        : "SELECT count(*), '' FROM " + from;
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    out.put(table, new TableData(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** How {@code after} differs from {@code before}, one sentence per table; empty when equal. */
    static List<String> differences(Map<String, TableData> before, Map<String, TableData> after, String when) {
        List<String> out = new ArrayList<>();
        before.forEach((table, b) -> {
            TableData a = after.get(table);
            if (a == null) {
                return; // the schema diff reports a missing table
            }
            if (a.rows() != b.rows()) {
                out.add(when + " table " + table + " had " + b.rows() + " rows before and " + a.rows() + " after");
            } else if (!b.hash().isEmpty() && !a.hash().equals(b.hash())) {
                out.add(when + " the rows of table " + table + " changed (same count, " + a.rows() + ", different contents)");
            }
        });
        return out;
    }

    /** Indexes left INVALID (a failed CREATE INDEX CONCURRENTLY), as {@code schema.index}. */
    static List<String> invalidIndexes(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT n.nspname || '.' || ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                        + "JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE NOT i.indisvalid ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

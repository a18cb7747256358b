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

    /** One table's rows, summarised: the count, and per column an order-independent hash of its values. */
    record TableData(long rows, Map<String, String> columns) {
    }

    private DataCheck() {
    }

    /** @param tables qualified {@code schema.table} names that exist on {@code c}'s database */
    static Map<String, TableData> read(Connection c, Collection<String> tables, boolean withHashes) throws SQLException {
        Map<String, TableData> out = new TreeMap<>();
        for (String table : tables) {
            int dot = table.indexOf('.');
            String from = Identifiers.quote(table.substring(0, dot)) + "." + Identifiers.quote(table.substring(dot + 1));
            List<String> columns = withHashes ? columns(c, table.substring(0, dot), table.substring(dot + 1)) : List.of();
            StringBuilder sql = new StringBuilder("SELECT count(*)");
            for (String col : columns) {
                sql.append(", coalesce(sum(hashtextextended(coalesce(").append(Identifiers.quote(col))
                        .append("::text, '<null>'), 0)), 0)::text");
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.append(" FROM ").append(from).toString())) {
                rs.next();
                Map<String, String> hashes = new TreeMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    hashes.put(columns.get(i), rs.getString(i + 2));
                }
                out.put(table, new TableData(rs.getLong(1), hashes));
            }
        }
        return out;
    }

    private static List<String> columns(Connection c, String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relname = ? AND a.attnum > 0 "
                + "AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * What the rollback failed to give back, comparing the rows before the migration ({@code before})
     * with those after the rollback ({@code rolledBack}); {@code afterUp} tells changes the up made
     * (a backfill firing an updated_at trigger, say), which are returned in {@code sideEffects}
     * rather than as failures, from changes the rollback made itself.
     */
    static void compare(Map<String, TableData> before, Map<String, TableData> afterUp, Map<String, TableData> rolledBack,
                        List<String> failures, List<String> sideEffects) {
        before.forEach((table, b) -> {
            TableData r = rolledBack.get(table);
            if (r == null) {
                return; // the schema diff reports a missing table
            }
            if (r.rows() != b.rows()) {
                failures.add("after the rollback, table " + table + " had " + b.rows() + " rows before and " + r.rows() + " after");
                return;
            }
            TableData u = afterUp.get(table);
            b.columns().forEach((col, hash) -> {
                String now = r.columns().get(col);
                if (now == null || now.equals(hash)) {
                    return;
                }
                String upHash = u == null ? null : u.columns().get(col);
                if (now.equals(upHash)) {
                    sideEffects.add("the migration changed column " + table + "." + col + " (a trigger or an UPDATE) and "
                            + "its rollback leaves those values changed");
                } else {
                    failures.add("after the rollback, the values of column " + table + "." + col + " differ from before the "
                            + "migration (same row count, " + r.rows() + ")");
                }
            });
        });
    }

    /** Row-count changes between two readings, one sentence per table; empty when equal. */
    static List<String> countDifferences(Map<String, TableData> before, Map<String, TableData> after, String when) {
        List<String> out = new ArrayList<>();
        before.forEach((table, b) -> {
            TableData a = after.get(table);
            if (a != null && a.rows() != b.rows()) {
                out.add(when + " table " + table + " had " + b.rows() + " rows before and " + a.rows() + " after");
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

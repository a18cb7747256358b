package dev.drydock.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * TEMPORARY placeholder with the agreed API of the real schema snapshot reader (written in another
 * worktree): it only records tables and their columns with types. Replaced when the branches merge.
 */
public final class SnapshotReader {
    private SnapshotReader() {
    }

    public static SchemaSnapshot read(Connection c) throws SQLException {
        SortedMap<String, String> objects = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select table_schema || '.' || table_name, column_name || ' ' || data_type || ' ' || is_nullable "
                        + "from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema') "
                        + "order by 1, ordinal_position")) {
            while (rs.next()) {
                objects.merge("table " + rs.getString(1), rs.getString(2), (a, b) -> a + ", " + b);
            }
        }
        return new SchemaSnapshot(objects);
    }
}

package dev.drydock.migrate;

import dev.drydock.catalog.SnapshotReader;
import dev.drydock.lint.TargetFactsReader;
import dev.drydock.migrate.PlanTarget.ColumnState;
import dev.drydock.migrate.PlanTarget.Relation;
import dev.drydock.migrate.PlanTarget.View;
import dev.drydock.sql.Identifiers;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link PlanTarget}: a dozen catalog queries, each limited to the names a migration
 * touches (bound as a text array), so a plan costs the same on a schema of ten tables or ten thousand.
 */
final class PlanTargetReader {
    private static final String RELATIONS = """
            SELECT n.nspname || '.' || c.relname, c.relkind::text,
                   CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END,
                   pg_relation_size(c.oid), pg_total_relation_size(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname || '.' || c.relname = ANY (?)""";
    private static final String COLUMNS = """
            SELECT n.nspname || '.' || c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
              FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname || '.' || c.relname = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped""";
    private static final String CONSTRAINTS = """
            SELECT n.nspname || '.' || c.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid),
                   (SELECT array_agg(a.attname::text ORDER BY o.ord) FROM unnest(k.conkey) WITH ORDINALITY o(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = o.attnum)
              FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname || '.' || c.relname = ANY (?)""";
    private static final String INDEXES = """
            SELECT schemaname || '.' || indexname, indexdef FROM pg_indexes WHERE schemaname || '.' || indexname = ANY (?)""";
    private static final String VIEWS = """
            SELECT n.nspname || '.' || c.relname, c.relkind = 'm', pg_get_viewdef(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('v', 'm') AND n.nspname || '.' || c.relname = ANY (?)""";
    private static final String FUNCTIONS = """
            SELECT n.nspname || '.' || p.proname, pg_get_functiondef(p.oid)
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE p.prokind IN ('f', 'p') AND n.nspname || '.' || p.proname = ANY (?) ORDER BY p.oid""";
    private static final String TRIGGERS = """
            SELECT n.nspname || '.' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
              FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE NOT t.tgisinternal AND n.nspname || '.' || c.relname = ANY (?)""";
    private static final String POLICIES = """
            SELECT schemaname, tablename, policyname, permissive, roles::text[], cmd, qual, with_check
              FROM pg_policies WHERE schemaname || '.' || tablename = ANY (?)""";
    private static final String TYPES = """
            SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname || '.' || t.typname = ANY (?)""";

    private PlanTargetReader() {
    }

    /**
     * @param relations {@code schema.name} of every relation (and index) the migration names
     * @param routines  {@code schema.name} of every function and type it names
     */
    static PlanTarget read(String name, Connection c, Collection<String> relations, Collection<String> routines)
            throws SQLException {
        String fingerprint = SnapshotReader.read(c).fingerprint();
        Map<String, Relation> sizes = new HashMap<>();
        Map<String, ColumnState> columns = new HashMap<>();
        query(c, RELATIONS, relations, rs -> sizes.put(rs.getString(1), new Relation(kind(rs.getString(2)),
                (Long) rs.getObject(3), rs.getLong(4), rs.getLong(5))));
        query(c, COLUMNS, relations, rs -> columns.put(rs.getString(1),
                new ColumnState(rs.getString(2), rs.getBoolean(3), rs.getString(4))));
        Map<String, String> constraints = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        query(c, CONSTRAINTS, relations, rs -> {
            constraints.put(rs.getString(1) + "." + rs.getString(2), rs.getString(4));
            if (rs.getString(3).equals("p")) {
                keys.put(rs.getString(1), List.of((String[]) rs.getArray(5).getArray()));
            }
        });
        return new PlanTarget(name, c.getMetaData().getDatabaseMajorVersion(), fingerprint,
                TargetFactsReader.read(name, c), sizes, columns, keys, constraints, strings(c, INDEXES, relations),
                views(c, relations), functions(c, routines), strings(c, TRIGGERS, relations), policies(c, relations),
                names(c, TYPES, routines), names(c, "SELECT nspname FROM pg_namespace", null),
                names(c, "SELECT extname FROM pg_extension", null),
                names(c, "SELECT name FROM pg_available_extensions", null));
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Collection<String> names, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (names != null) {
                Array array = c.createArrayOf("text", names.toArray());
                ps.setArray(1, array);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static Map<String, String> strings(Connection c, String sql, Collection<String> names) throws SQLException {
        Map<String, String> out = new HashMap<>();
        query(c, sql, names, rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    private static Set<String> names(Connection c, String sql, Collection<String> names) throws SQLException {
        Set<String> out = new HashSet<>();
        query(c, sql, names, rs -> out.add(rs.getString(1)));
        return out;
    }

    private static Map<String, View> views(Connection c, Collection<String> names) throws SQLException {
        Map<String, View> out = new HashMap<>();
        query(c, VIEWS, names, rs -> out.put(rs.getString(1), new View(rs.getBoolean(2), strip(rs.getString(3)))));
        return out;
    }

    private static Map<String, List<String>> functions(Connection c, Collection<String> names) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        query(c, FUNCTIONS, names, rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(strip(rs.getString(2))));
        return out;
    }

    private static Map<String, String> policies(Connection c, Collection<String> tables) throws SQLException {
        Map<String, String> out = new HashMap<>();
        query(c, POLICIES, tables, rs -> out.put(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3),
                createPolicy(rs)));
        return out;
    }

    /** The CREATE POLICY that re-creates a row of {@code pg_policies}. */
    private static String createPolicy(ResultSet rs) throws SQLException {
        List<String> roles = new ArrayList<>();
        for (String role : (String[]) rs.getArray(5).getArray()) {
            roles.add(role.equals("public") ? "PUBLIC" : Identifiers.quote(role));
        }
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Identifiers.quote(rs.getString(3)))
                .append(" ON ").append(Identifiers.quote(rs.getString(1), rs.getString(2)))
                .append(" AS ").append(rs.getString(4)).append(" FOR ").append(rs.getString(6))
                .append(" TO ").append(String.join(", ", roles));
        if (rs.getString(7) != null) {
            sql.append(" USING (").append(rs.getString(7)).append(')');
        }
        if (rs.getString(8) != null) {
            sql.append(" WITH CHECK (").append(rs.getString(8)).append(')');
        }
        return sql.toString();
    }

    /** Catalog text as a statement of its own: trailing whitespace and semicolon removed. */
    static String strip(String definition) {
        String s = definition.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "r", "p" -> "table";
            case "v" -> "view";
            case "m" -> "materialized view";
            case "i", "I" -> "index";
            case "S" -> "sequence";
            case "f" -> "foreign table";
            default -> "other";
        };
    }
}

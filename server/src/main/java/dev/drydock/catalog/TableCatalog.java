package dev.drydock.catalog;

import dev.drydock.catalog.TableInfo.CheckInfo;
import dev.drydock.catalog.TableInfo.ColumnInfo;
import dev.drydock.catalog.TableInfo.ForeignKey;
import dev.drydock.catalog.TableInfo.IndexInfo;
import dev.drydock.catalog.TableInfo.PolicyInfo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tables and views of the given schemas from the system catalogs, in a handful of queries
 * whatever the number of tables. Schema names are always bound parameters.
 */
public final class TableCatalog {
    private static final String RELATIONS = """
            SELECT c.oid, n.nspname, c.relname, c.relkind,
                   CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS est_rows,
                   pg_size_pretty(pg_total_relation_size(c.oid)) AS size,
                   c.relrowsecurity,
                   (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policy_count,
                   (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM pg_constraint con
                      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                     WHERE con.conrelid = c.oid AND con.contype = 'p') AS pk,
                   obj_description(c.oid, 'pg_class') AS comment
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
             ORDER BY n.nspname, c.relname""";

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum""";

    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.confrelid, con.conname, con.contype, pg_get_constraintdef(con.oid), con.convalidated,
                   (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                   (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
                   con.conrelid::regclass::text, con.confrelid::regclass::text
              FROM pg_constraint con
             WHERE con.contype IN ('f', 'c')
               AND (con.conrelid IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?))
                 OR con.confrelid IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?)))
             ORDER BY con.conname""";

    private static final String INDEXES = """
            SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid), i.indisunique, i.indisprimary, i.indisvalid
              FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ANY (?)
             ORDER BY ic.relname""";

    private static final String POLICIES = """
            SELECT p.polrelid, p.polname, p.polcmd, p.polpermissive,
                   ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END FROM unnest(p.polroles) r),
                   pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
              FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ANY (?)
             ORDER BY p.polname""";

    /** Tables and views of {@code schemas}. */
    public record Listing(List<TableInfo> tables, List<ViewInfo> views) {
    }

    private TableCatalog() {
    }

    public static Listing list(Connection c, List<String> schemas, boolean verbose) throws SQLException {
        Details details = verbose ? Details.read(c, schemas) : null;
        List<TableInfo> tables = new ArrayList<>();
        List<ViewInfo> views = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RELATIONS)) {
            bindSchemas(c, ps, schemas, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    String kind = kind(rs.getString(4));
                    List<ColumnInfo> columns = details == null ? null : details.columns.getOrDefault(oid, List.of());
                    if (kind.endsWith("view")) {
                        views.add(new ViewInfo(rs.getString(2), rs.getString(3), kind, rs.getString(10), columns));
                        continue;
                    }
                    tables.add(new TableInfo(rs.getString(2), rs.getString(3), kind, (Long) rs.getObject(5),
                            rs.getString(6), rs.getBoolean(7), rs.getInt(8), strings(rs.getArray(9)), rs.getString(10),
                            columns,
                            details == null ? null : details.foreignKeys.getOrDefault(oid, List.of()),
                            details == null ? null : details.referencedBy.getOrDefault(oid, List.of()),
                            details == null ? null : details.indexes.getOrDefault(oid, List.of()),
                            details == null ? null : details.checks.getOrDefault(oid, List.of()),
                            details == null ? null : details.policies.getOrDefault(oid, List.of())));
                }
            }
        }
        return new Listing(tables, views);
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "p" -> "partitioned table";
            case "f" -> "foreign table";
            case "v" -> "view";
            case "m" -> "materialized view";
            default -> "table";
        };
    }

    private static void bindSchemas(Connection c, PreparedStatement ps, List<String> schemas, int count) throws SQLException {
        Array array = c.createArrayOf("text", schemas.toArray());
        for (int i = 1; i <= count; i++) {
            ps.setArray(i, array);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The verbose parts, each read in one query and grouped by table oid. */
    private record Details(Map<Long, List<ColumnInfo>> columns, Map<Long, List<ForeignKey>> foreignKeys,
                           Map<Long, List<ForeignKey>> referencedBy, Map<Long, List<IndexInfo>> indexes,
                           Map<Long, List<CheckInfo>> checks, Map<Long, List<PolicyInfo>> policies) {

        static Details read(Connection c, List<String> schemas) throws SQLException {
            Details d = new Details(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                    new HashMap<>());
            query(c, COLUMNS, schemas, 1, rs -> d.columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(column(rs)));
            query(c, CONSTRAINTS, schemas, 2, rs -> d.constraint(rs, schemas));
            query(c, INDEXES, schemas, 1, rs -> d.indexes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new IndexInfo(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6))));
            query(c, POLICIES, schemas, 1, rs -> d.policies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new PolicyInfo(rs.getString(2), command(rs.getString(3)), rs.getBoolean(4), strings(rs.getArray(5)),
                            rs.getString(6), rs.getString(7))));
            return d;
        }

        private void constraint(ResultSet rs, List<String> schemas) throws SQLException {
            long table = rs.getLong(1);
            if (rs.getString(4).equals("c")) {
                checks.computeIfAbsent(table, k -> new ArrayList<>())
                        .add(new CheckInfo(rs.getString(3), rs.getString(5), rs.getBoolean(6)));
                return;
            }
            List<String> cols = strings(rs.getArray(7));
            List<String> refCols = strings(rs.getArray(8));
            foreignKeys.computeIfAbsent(table, k -> new ArrayList<>())
                    .add(new ForeignKey(rs.getString(3), cols, rs.getString(10), refCols, rs.getString(5)));
            referencedBy.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                    .add(new ForeignKey(rs.getString(3), refCols, rs.getString(9), cols, rs.getString(5)));
        }

        private static ColumnInfo column(ResultSet rs) throws SQLException {
            String identity = switch (rs.getString(6)) {
                case "a" -> "ALWAYS";
                case "d" -> "BY DEFAULT";
                default -> null;
            };
            boolean generated = "s".equals(rs.getString(7));
            String expr = rs.getString(5);
            return new ColumnInfo(rs.getString(2), rs.getString(3), rs.getBoolean(4), generated ? null : expr, identity,
                    generated ? expr : null);
        }

        private static String command(String polcmd) {
            return switch (polcmd) {
                case "r" -> "SELECT";
                case "a" -> "INSERT";
                case "w" -> "UPDATE";
                case "d" -> "DELETE";
                default -> "ALL";
            };
        }
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<String> schemas, int binds, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindSchemas(c, ps, schemas, binds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }
}

package dev.drydock.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link TargetFacts} from a target's catalog in a few queries over the user's schemas. */
public final class TargetFactsReader {
    private static final String USER_SCHEMAS = "n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') "
            + "and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'";

    /** pg_get_constraintdef's form of a CHECK that proves a column NOT NULL. */
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("CHECK \\(\\((\"?[^\\s()]+\"?) IS NOT NULL\\)\\)");

    private TargetFactsReader() {
    }

    public static TargetFacts read(String target, Connection c) throws SQLException {
        int version = c.getMetaData().getDatabaseMajorVersion();
        Map<String, Long> rows = new HashMap<>();
        Set<String> rls = new HashSet<>();
        Set<String> policies = new HashSet<>();
        Map<String, List<List<String>>> indexes = new HashMap<>();
        Map<String, String> columns = new HashMap<>();
        Set<String> notNull = new HashSet<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select n.nspname || '.' || t.relname, t.reltuples::bigint, t.relrowsecurity, "
                    + "exists (select 1 from pg_policy p where p.polrelid = t.oid) from pg_class t "
                    + "join pg_namespace n on n.oid = t.relnamespace where t.relkind in ('r', 'p') and " + USER_SCHEMAS)) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    if (n >= 0) {
                        rows.put(rs.getString(1), n);
                    }
                    if (rs.getBoolean(3)) {
                        rls.add(rs.getString(1));
                    }
                    if (rs.getBoolean(4)) {
                        policies.add(rs.getString(1));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("select n.nspname || '.' || t.relname, i.indexrelid, a.attname "
                    + "from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace "
                    + "cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord) "
                    + "join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum "
                    + "where i.indisvalid and " + USER_SCHEMAS + " order by 2, k.ord")) {
                long current = -1;
                List<String> cols = null;
                while (rs.next()) {
                    if (rs.getLong(2) != current) {
                        current = rs.getLong(2);
                        cols = new ArrayList<>();
                        indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(cols);
                    }
                    cols.add(rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("select n.nspname || '.' || t.relname || '.' || a.attname, "
                    + "format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class t on t.oid = a.attrelid "
                    + "join pg_namespace n on n.oid = t.relnamespace where a.attnum > 0 and not a.attisdropped "
                    + "and t.relkind in ('r', 'p') and " + USER_SCHEMAS)) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("select n.nspname || '.' || t.relname, pg_get_constraintdef(k.oid) "
                    + "from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace "
                    + "where k.contype = 'c' and k.convalidated and " + USER_SCHEMAS)) {
                while (rs.next()) {
                    Matcher m = NOT_NULL_CHECK.matcher(rs.getString(2));
                    if (m.matches()) {
                        notNull.add(rs.getString(1) + "." + m.group(1).replace("\"", ""));
                    }
                }
            }
        }
        return new TargetFacts(target, version, rows, indexes, rls, policies, columns, notNull);
    }
}

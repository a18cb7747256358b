package dev.drydock.typegen;

import dev.drydock.typegen.TypeCatalog.Column;
import dev.drydock.typegen.TypeCatalog.CompositeType;
import dev.drydock.typegen.TypeCatalog.EnumType;
import dev.drydock.typegen.TypeCatalog.ForeignKey;
import dev.drydock.typegen.TypeCatalog.Relation;

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

/** Reads a {@link TypeCatalog} in a handful of catalog queries; nothing is written. */
public final class TypeCatalogReader {
    private static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') "
            + "and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'";

    private static final String RELATIONS = """
            select c.oid, n.nspname, c.relname, c.relkind,
                   c.relkind = 'v' and (pg_relation_is_updatable(c.oid, false) & 20) = 20 as updatable,
                   c.relkind = 'v' and (pg_relation_is_updatable(c.oid, false) & 8) = 8 as insertable
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = any(?) and c.relkind in ('r', 'p', 'f', 'v', 'm')
            """;

    /** Domains are read as their base type, as PostgREST serialises them. */
    private static final String COLUMNS = """
            select a.attrelid, a.attname, coalesce(bt.typname, t.typname), coalesce(bn.nspname, tn.nspname),
                   not (a.attnotnull or (t.typtype = 'd' and t.typnotnull)), a.atthasdef, a.attidentity,
                   a.attgenerated <> '', pg_column_is_updatable(a.attrelid, a.attnum, false)
              from pg_attribute a
              join pg_class c on c.oid = a.attrelid
              join pg_namespace n on n.oid = c.relnamespace
              join pg_type t on t.oid = a.atttypid
              join pg_namespace tn on tn.oid = t.typnamespace
              left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
              left join pg_namespace bn on bn.oid = bt.typnamespace
             where n.nspname = any(?) and c.relkind in ('r', 'p', 'f', 'v', 'm')
               and a.attnum > 0 and not a.attisdropped
             order by a.attrelid, a.attnum
            """;

    /** isOneToOne: the referencing columns are exactly the columns of a unique index of their table. */
    private static final String FOREIGN_KEYS = """
            select k.conname, n.nspname, c.relname,
                   array(select a.attname from unnest(k.conkey) with ordinality u(attnum, ord)
                          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.ord),
                   rn.nspname, r.relname,
                   array(select a.attname from unnest(k.confkey) with ordinality u(attnum, ord)
                          join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.ord),
                   exists (select 1 from pg_index i where i.indrelid = k.conrelid and i.indisunique
                            and i.indpred is null and i.indexprs is null
                            and (select array_agg(x order by x) from unnest(i.indkey::int2[]) x)
                              = (select array_agg(x order by x) from unnest(k.conkey) x))
              from pg_constraint k
              join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
              join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
             where k.contype = 'f' and n.nspname = any(?)
            """;

    private static final String ENUMS = """
            select n.nspname, t.typname, array(select e.enumlabel from pg_enum e where e.enumtypid = t.oid
                                                order by e.enumsortorder)
              from pg_type t join pg_namespace n on n.oid = t.typnamespace
             where t.typtype = 'e' and
            """ + USER_SCHEMA;

    private static final String COMPOSITES = """
            select n.nspname, t.typname, a.attname, coalesce(bt.typname, at.typname), coalesce(bn.nspname, an.nspname)
              from pg_type t
              join pg_namespace n on n.oid = t.typnamespace
              join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
              join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
              join pg_type at on at.oid = a.atttypid join pg_namespace an on an.oid = at.typnamespace
              left join pg_type bt on at.typtype = 'd' and bt.oid = at.typbasetype
              left join pg_namespace bn on bn.oid = bt.typnamespace
             where t.typtype = 'c' and
            """ + USER_SCHEMA + " order by n.nspname, t.typname, a.attnum";

    private static final String FUNCTIONS = """
            select p.oid, n.nspname, p.proname, p.proretset, rt.typname, rn.nspname, coalesce(rc.relkind, ''),
                   pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), p.pronargdefaults, p.prorows
              from pg_proc p
              join pg_namespace n on n.oid = p.pronamespace
              join pg_type rt on rt.oid = p.prorettype join pg_namespace rn on rn.oid = rt.typnamespace
              left join pg_class rc on rc.oid = rt.typrelid
             where n.nspname = any(?) and p.prokind = 'f'
               and p.prorettype not in ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype)
               and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                               and d.objid = p.oid and d.deptype = 'e')
            """;

    private static final String FUNCTION_ARGS = """
            select p.oid, coalesce(p.proargnames[a.ord], ''), coalesce(p.proargmodes[a.ord], 'i'), t.typname, tn.nspname,
                   a.typ
              from pg_proc p
              join pg_namespace n on n.oid = p.pronamespace
              cross join lateral unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(typ, ord)
              join pg_type t on t.oid = a.typ join pg_namespace tn on tn.oid = t.typnamespace
             where n.nspname = any(?) and p.prokind = 'f'
             order by p.oid, a.ord
            """;

    private TypeCatalogReader() {
    }

    public static TypeCatalog read(Connection c, List<String> schemas) throws SQLException {
        Array names = c.createArrayOf("text", schemas.toArray());
        List<Relation> relations = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RELATIONS)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    relations.add(new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                            rs.getBoolean(5), rs.getBoolean(6)));
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9)));
                }
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                            rs.getString(5), rs.getString(6), strings(rs.getArray(7)), rs.getBoolean(8)));
                }
            }
        }
        List<EnumType> enums = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ENUMS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                enums.add(new EnumType(rs.getString(1), rs.getString(2), strings(rs.getArray(3))));
            }
        }
        Map<String, List<Column>> attributes = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COMPOSITES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                attributes.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                        .add(new Column(0, rs.getString(3), rs.getString(4), rs.getString(5), true, false, "", false, false));
            }
        }
        List<CompositeType> composites = new ArrayList<>();
        attributes.forEach((key, attrs) -> {
            String[] parts = key.split("\u0000", 2);
            composites.add(new CompositeType(parts[0], parts[1], attrs));
        });
        return new TypeCatalog(schemas, relations, columns, keys, enums, composites, functions(c, names),
                viewColumns(c, names));
    }

    private static final String VIEW_RULES = """
            select c.oid, r.ev_action::text
              from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
             where r.rulename = '_RETURN' and c.relkind in ('v', 'm') and n.nspname = any(?)
            """;

    private static final String ATTRIBUTES = """
            select a.attrelid, a.attnum, n.nspname, c.relname, a.attname
              from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
             where a.attrelid = any(?) and a.attnum > 0
            """;

    /** Which view columns are table columns unchanged: the origin PostgreSQL records in each view's query. */
    private static List<TypeCatalog.ViewColumn> viewColumns(Connection c, Array names) throws SQLException {
        List<ViewQueryOrigins.Origin> origins = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(VIEW_RULES)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    origins.addAll(ViewQueryOrigins.read(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        if (origins.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> attributes = new HashMap<>();
        Long[] tables = origins.stream().map(ViewQueryOrigins.Origin::table).distinct().toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement(ATTRIBUTES)) {
            ps.setArray(1, c.createArrayOf("oid", tables));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.put(rs.getLong(1) + ":" + rs.getInt(2),
                            new String[]{rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        List<TypeCatalog.ViewColumn> out = new ArrayList<>();
        for (ViewQueryOrigins.Origin o : origins) {
            String[] a = attributes.get(o.table() + ":" + o.column());
            if (a != null) {
                out.add(new TypeCatalog.ViewColumn(o.view(), o.name(), a[0], a[1], a[2]));
            }
        }
        return out;
    }

    private static List<TypeCatalog.Function> functions(Connection c, Array names) throws SQLException {
        Map<Long, List<String[]>> args = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FUNCTION_ARGS)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    args.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new String[]{rs.getString(2),
                            mode(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)});
                }
            }
        }
        List<TypeCatalog.Function> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FUNCTIONS)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String[]> raw = args.getOrDefault(rs.getLong(1), List.of());
                    String relkind = rs.getString(7);
                    out.add(new TypeCatalog.Function(rs.getString(2), rs.getString(3), withDefaults(raw, rs.getInt(10)),
                            rs.getString(5), rs.getString(6), rs.getBoolean(4), relkind.isEmpty() ? 0 : relkind.charAt(0),
                            rs.getFloat(11), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** The last {@code defaults} input arguments have defaults. */
    private static List<TypeCatalog.Arg> withDefaults(List<String[]> raw, int defaults) {
        int inputs = (int) raw.stream().filter(a -> !a[1].equals("out") && !a[1].equals("table")).count();
        List<TypeCatalog.Arg> out = new ArrayList<>();
        int input = 0;
        for (String[] a : raw) {
            boolean isInput = !a[1].equals("out") && !a[1].equals("table");
            boolean hasDefault = isInput && input++ >= inputs - defaults;
            out.add(new TypeCatalog.Arg(a[0], a[1], a[2], a[3], Long.parseLong(a[4]), hasDefault));
        }
        return out;
    }

    private static String mode(String code) {
        return switch (code) {
            case "o" -> "out";
            case "b" -> "inout";
            case "v" -> "variadic";
            case "t" -> "table";
            default -> "in";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Map<Long, List<Column>> byRelation(List<Column> columns) {
        Map<Long, List<Column>> out = new HashMap<>();
        columns.forEach(col -> out.computeIfAbsent(col.relation(), k -> new ArrayList<>()).add(col));
        return out;
    }
}

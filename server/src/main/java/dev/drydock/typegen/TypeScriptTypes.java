package dev.drydock.typegen;

import dev.drydock.typegen.TypeCatalog.Arg;
import dev.drydock.typegen.TypeCatalog.Column;
import dev.drydock.typegen.TypeCatalog.CompositeType;
import dev.drydock.typegen.TypeCatalog.EnumType;
import dev.drydock.typegen.TypeCatalog.ForeignKey;
import dev.drydock.typegen.TypeCatalog.Function;
import dev.drydock.typegen.TypeCatalog.Relation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a {@link TypeCatalog} as the TypeScript {@code Database} types Supabase's generator
 * (postgrest-typegen, behind {@code supabase gen types typescript}) writes: same structure, same
 * type mapping, same order (English collation), same helper generics and {@code Constants}.
 * Functions appear as PostgREST sees them, with the error types the generator writes for calls
 * PostgREST cannot resolve.
 */
public final class TypeScriptTypes {
    private static final Set<String> NUMBER = Set.of("int2", "int4", "int8", "float4", "float8", "numeric");
    private static final Set<String> STRING = Set.of("bytea", "bpchar", "varchar", "date", "text", "citext", "time",
            "timetz", "timestamp", "timestamptz", "uuid", "vector", "interval");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final String JSON_TYPE = """
            export type Json =
              | string
              | number
              | boolean
              | null
              | { [key: string]: Json | undefined }
              | Json[]
            """;

    private final TypeCatalog catalog;
    private final Comparator<String> order;
    private final Map<Long, List<Column>> columns;

    private TypeScriptTypes(TypeCatalog catalog) {
        this.catalog = catalog;
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        this.order = collator::compare;
        this.columns = TypeCatalogReader.byRelation(catalog.columns());
    }

    /** The whole file, for {@code defaultSchema} as the schema the helper generics default to. */
    public static String generate(TypeCatalog catalog, String defaultSchema) {
        return generate(catalog, defaultSchema, null);
    }

    /**
     * @param postgrestVersion when set, the {@code __InternalSupabase} block that lets supabase-js
     *                         pick the PostgREST version's options by itself (as the Supabase CLI writes it)
     */
    public static String generate(TypeCatalog catalog, String defaultSchema, String postgrestVersion) {
        return new TypeScriptTypes(catalog).render(defaultSchema, postgrestVersion);
    }

    private String render(String defaultSchema, String postgrestVersion) {
        StringBuilder out = new StringBuilder(JSON_TYPE).append("\nexport type Database = {\n");
        if (postgrestVersion != null && !postgrestVersion.isBlank()) {
            out.append("  // Allows to automatically instantiate createClient with right options\n")
                    .append("  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)\n")
                    .append("  __InternalSupabase: {\n    PostgrestVersion: ").append(quote(postgrestVersion.strip()))
                    .append("\n  }\n");
        }
        for (String schema : sorted(catalog.schemas())) {
            out.append("  ").append(key(schema)).append(": {\n");
            section(out, "Tables", relations(schema, true), this::table);
            section(out, "Views", relations(schema, false), this::view);
            functions(out, schema);
            section(out, "Enums", enums(schema), (sb, e) -> sb.append("      ").append(key(e.name())).append(": ")
                    .append(union(e.values())).append('\n'));
            section(out, "CompositeTypes", composites(schema), this::composite);
            out.append("  }\n");
        }
        out.append("}\n\n").append(helpers(defaultSchema)).append('\n').append(constants());
        return out.toString();
    }

    private interface Part<T> {
        void write(StringBuilder out, T item);
    }

    private static <T> void section(StringBuilder out, String name, List<T> items, Part<T> part) {
        out.append("    ").append(name).append(": {\n");
        if (items.isEmpty()) {
            out.append("      [_ in never]: never\n");
        }
        items.forEach(item -> part.write(out, item));
        out.append("    }\n");
    }

    /** PostgREST's RPC surface: callable functions grouped by name, overloads as a union. */
    private void functions(StringBuilder out, String schema) {
        Map<String, List<Function>> byName = new java.util.TreeMap<>(order);
        for (Function fn : catalog.functions()) {
            if (fn.schema().equals(schema) && callable(fn)) {
                byName.computeIfAbsent(fn.name(), k -> new ArrayList<>()).add(fn);
            }
        }
        out.append("    Functions: {\n");
        if (byName.isEmpty()) {
            out.append("      [_ in never]: never\n");
        }
        byName.forEach((name, overloads) -> {
            overloads.sort(Comparator.comparing(Function::argumentTypes, order).thenComparing(Function::resultType, order));
            out.append("      ").append(key(name)).append(":");
            boolean overloaded = overloads.size() > 1;
            for (Function fn : overloads) {
                String indent = overloaded ? "          " : "        ";
                out.append(overloaded ? "\n        | {\n" : " {\n")
                        .append(indent).append("Args: ").append(args(fn)).append('\n')
                        .append(indent).append("Returns: ").append(indentLines(returns(fn, overloads), indent)).append('\n')
                        .append(overloaded ? "          }" : "      }");
            }
            out.append('\n');
        });
        out.append("    }\n");
    }

    /** Continues a multi-line type at the indentation of its first line. */
    private static String indentLines(String text, String indent) {
        return text.replace("\n", "\n" + indent);
    }

    /**
     * Which functions PostgREST can call, as the Supabase generator decides: no input arguments,
     * all named, unnamed ones only with defaults and of type json, jsonb or text, or a single
     * unnamed one of those types or of a table's row type.
     */
    private boolean callable(Function fn) {
        List<Arg> in = inputs(fn);
        if (in.isEmpty() || in.stream().noneMatch(a -> a.name().isEmpty())) {
            return true;
        }
        if (in.stream().allMatch(a -> !a.name().isEmpty() || a.hasDefault() && UNNAMED_OK.contains(a.type()))) {
            return true;
        }
        return in.size() == 1 && (UNNAMED_OK.contains(in.get(0).type()) || rowArgument(in.get(0)));
    }

    /** An argument of a generated relation's row type (a table or view passed whole). */
    private boolean rowArgument(Arg a) {
        return relationNamed(a.type(), a.typeSchema()) != null;
    }

    private static final Set<String> UNNAMED_OK = Set.of("json", "jsonb", "text");

    /**
     * The error PostgREST gives a call it cannot resolve, as the Supabase generator types it: a
     * no-argument overload next to one whose only argument is unnamed with a default, or overloads
     * taking one argument of the same name and different types. Null when there is no conflict.
     */
    private static String conflict(Function fn, List<Function> overloads) {
        List<Arg> in = inputs(fn);
        if (overloads.size() <= 1) {
            return null;
        }
        if (in.isEmpty()) {
            for (Function other : overloads) {
                List<Arg> otherIn = inputs(other);
                if (other != fn && otherIn.size() == 1 && otherIn.get(0).name().isEmpty() && otherIn.get(0).hasDefault()) {
                    return "Could not choose the best candidate function between: " + fn.schema() + "." + fn.name()
                            + "(), " + fn.schema() + "." + fn.name() + "( => " + other.returnType() + "). " + RENAME;
                }
            }
        }
        if (in.size() == 1 && !in.get(0).name().isEmpty()) {
            List<Function> all = new ArrayList<>(List.of(fn));
            for (Function other : overloads) {
                List<Arg> otherIn = inputs(other);
                if (other != fn && otherIn.size() == 1 && otherIn.get(0).name().equals(in.get(0).name())
                        && otherIn.get(0).typeOid() != in.get(0).typeOid()) {
                    all.add(other);
                }
            }
            if (all.size() > 1) {
                all.sort(Comparator.comparingLong(f -> inputs(f).isEmpty() ? 0 : inputs(f).get(0).typeOid()));
                List<String> calls = new ArrayList<>();
                for (Function f : all) {
                    calls.add(fn.schema() + "." + fn.name() + "(" + String.join(", ", inputs(f).stream()
                            .map(a -> a.name() + " => " + a.type()).toList()) + ")");
                }
                return "Could not choose the best candidate function between: " + String.join(", ", calls) + ". " + RENAME;
            }
        }
        return null;
    }

    private static final String RENAME = "Try renaming the parameters or the function itself in the database so "
            + "function overloading can be resolved";

    private static boolean sameType(Arg a, Arg b) {
        return a.type().equals(b.type()) && a.typeSchema().equals(b.typeSchema());
    }

    private static List<Arg> inputs(Function fn) {
        return fn.args().stream().filter(Arg::isInput).toList();
    }

    private String args(Function fn) {
        List<Arg> in = inputs(fn).stream().sorted(Comparator.comparing(Arg::name, order)).toList();
        if (in.isEmpty()) {
            return "Record<PropertyKey, never>";
        }
        List<String> parts = new ArrayList<>();
        for (Arg a : in) {
            parts.add(key(a.name()) + (a.hasDefault() ? "?" : "") + ": " + tsType(a.type(), a.typeSchema()));
        }
        return "{ " + String.join("; ", parts) + " }";
    }

    /**
     * The Returns type and, for functions returning rows of a relation or composite type,
     * SetofOptions; for a call PostgREST cannot resolve, the error type the Supabase generator writes.
     */
    private String returns(Function fn, List<Function> overloads) {
        String relation = fn.returnRelation() != 0 ? fn.returnType() : null;
        boolean manyRows = fn.rows() > 1;
        boolean singleRow = !manyRows && relation != null;
        String error = conflict(fn, overloads);
        List<Arg> in = inputs(fn);
        if (error == null && in.size() == 1 && in.get(0).name().isEmpty() && rowArgument(in.get(0)) && relation == null) {
            error = "the function " + fn.schema() + "." + fn.name() + " with parameter or with a single unnamed "
                    + "json/jsonb parameter, but no matches were found in the schema cache";
        }
        String base = error != null ? "{\nerror: true\n} & " + quote(error) : returnType(fn);
        String type = base + (fn.setReturning() && !singleRow ? "[]" : "");
        String from = null;
        boolean oneToOne = !manyRows;
        boolean setof = fn.setReturning();
        if (relation != null) {
            from = "*";
        }
        Arg sole = fn.args().size() == 1 ? fn.args().get(0) : null;
        if (sole != null && relationNamed(sole.type(), sole.typeSchema()) != null && relation != null) {
            from = sole.type();
            if (!(fn.setReturning() && isRelation(fn.returnRelation()))) {
                oneToOne = true;
                setof = false;
            } else {
                setof = true;
            }
        }
        if (from == null) {
            return type;
        }
        return type + "\nSetofOptions: {\nfrom: " + quote(from) + "\nto: " + quote(relation) + "\nisOneToOne: "
                + oneToOne + "\nisSetofReturn: " + setof + "\n}";
    }

    private static boolean isRelation(char relkind) {
        return relkind == 'r' || relkind == 'p' || relkind == 'f' || relkind == 'v' || relkind == 'm';
    }

    /** RETURNS TABLE (…), the columns of a relation of the function's schema, or a mapped type. */
    private String returnType(Function fn) {
        List<Arg> table = fn.args().stream().filter(a -> a.mode().equals("table"))
                .sorted(Comparator.comparing(Arg::name, order)).toList();
        if (!table.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Arg a : table) {
                parts.add(key(a.name()) + ": " + tsType(a.type(), a.typeSchema()));
            }
            return "{\n" + String.join("\n", parts) + "\n}";
        }
        Relation r = isRelation(fn.returnRelation()) ? catalog.relations().stream()
                .filter(x -> x.schema().equals(fn.schema()) && x.name().equals(fn.returnType())
                        && fn.returnTypeSchema().equals(x.schema())).findFirst().orElse(null) : null;
        if (r != null) {
            List<String> parts = new ArrayList<>();
            for (Column c : columnsOf(r)) {
                parts.add(field(c.name(), false, type(c, r.schema()), c.nullable()));
            }
            return "{\n" + String.join("\n", parts) + "\n}";
        }
        return tsType(fn.returnType(), fn.returnTypeSchema());
    }

    /** Functions of the relation's schema taking its row as their only argument: PostgREST computed fields. */
    private List<String> computedFields(Relation r) {
        List<String> fields = new ArrayList<>();
        catalog.functions().stream()
                .filter(fn -> fn.schema().equals(r.schema()) && callable(fn))
                .sorted(Comparator.comparing(Function::name, order).thenComparing(Function::argumentTypes, order)
                        .thenComparing(Function::resultType, order))
                .forEach(fn -> {
                    List<Arg> in = inputs(fn);
                    if (in.size() == 1 && in.get(0).type().equals(r.name()) && in.get(0).typeSchema().equals(r.schema())) {
                        fields.add(field(fn.name(), false, returnType(fn), true));
                    }
                });
        return fields;
    }

    private void table(StringBuilder out, Relation t) {
        List<Column> cols = columnsOf(t);
        out.append("      ").append(key(t.name())).append(": {\n");
        shape(out, "Row", cols, c -> field(c.name(), false, type(c, t.schema()), c.nullable()), computedFields(t));
        shape(out, "Insert", cols, c -> writable(c) ? field(c.name(),
                c.nullable() || !c.identity().isEmpty() || c.hasDefault(), type(c, t.schema()), c.nullable()) : never(c));
        shape(out, "Update", cols, c -> writable(c) ? field(c.name(), true, type(c, t.schema()), c.nullable()) : never(c));
        relationships(out, t);
        out.append("      }\n");
    }

    private void view(StringBuilder out, Relation v) {
        List<Column> cols = columnsOf(v);
        out.append("      ").append(key(v.name())).append(": {\n");
        shape(out, "Row", cols, c -> field(c.name(), false, type(c, v.schema()), c.nullable()), computedFields(v));
        if (v.kind() == 'v' && v.updatable()) {
            shape(out, "Insert", cols, c -> c.updatable() ? field(c.name(), true, type(c, v.schema()), true) : never(c));
            shape(out, "Update", cols, c -> c.updatable() ? field(c.name(), true, type(c, v.schema()), true) : never(c));
        }
        relationships(out, v);
        out.append("      }\n");
    }

    private void composite(StringBuilder out, CompositeType type) {
        out.append("      ").append(key(type.name())).append(": {\n");
        for (Column a : type.attributes()) {
            out.append("        ").append(field(a.name(), false, type(a, type.schema()), true)).append('\n');
        }
        out.append("      }\n");
    }

    private interface Field {
        String of(Column c);
    }

    private static void shape(StringBuilder out, String name, List<Column> cols, Field field) {
        shape(out, name, cols, field, List.of());
    }

    private static void shape(StringBuilder out, String name, List<Column> cols, Field field, List<String> extra) {
        out.append("        ").append(name).append(": {\n");
        for (Column c : cols) {
            out.append("          ").append(field.of(c)).append('\n');
        }
        for (String e : extra) {
            out.append("          ").append(e).append('\n');
        }
        out.append("        }\n");
    }

    private static boolean writable(Column c) {
        return !"a".equals(c.identity()) && !c.generated();
    }

    private static String never(Column c) {
        return key(c.name()) + "?: never";
    }

    private static String field(String name, boolean optional, String tsType, boolean nullable) {
        return key(name) + (optional ? "?" : "") + ": " + nullableUnion(tsType, nullable);
    }

    /** Json already includes null, so NOT NULL narrows it; unknown already includes null. */
    private static String nullableUnion(String tsType, boolean nullable) {
        if (tsType.equals("Json") && !nullable) {
            return "NonNullable<Json>";
        }
        return tsType.equals("unknown") || !nullable ? tsType : tsType + " | null";
    }

    /** One relationship as PostgREST sees it: a foreign key, seen from a table or a view, to a table or a view. */
    private record Link(String name, List<String> columns, boolean oneToOne, String referencedRelation,
                        List<String> referencedColumns) {
    }

    /**
     * The foreign keys of a relation, as PostgREST resolves embeds: a table's own keys, a view's keys
     * through the table columns it shows unchanged, each pointing at the referenced table and at every
     * view (or materialized view) of the same schema that shows the referenced columns unchanged.
     * Keys to other schemas are left out, as Supabase's generator leaves them out.
     */
    private List<Link> links(Relation r) {
        List<Link> links = new ArrayList<>();
        for (ForeignKey k : catalog.foreignKeys()) {
            List<String> cols = r.isTable()
                    ? k.schema().equals(r.schema()) && k.relation().equals(r.name()) ? k.columns() : null
                    : exposed(r, k.schema(), k.relation(), k.columns());
            if (cols == null) {
                continue;
            }
            if (k.referencedSchema().equals(r.schema())) {
                links.add(new Link(k.name(), cols, k.oneToOne(), k.referencedRelation(), k.referencedColumns()));
            }
            for (Relation v : catalog.relations()) {
                if (!v.isTable() && v.schema().equals(r.schema())) {
                    List<String> shown = exposed(v, k.referencedSchema(), k.referencedRelation(), k.referencedColumns());
                    if (shown != null) {
                        links.add(new Link(k.name(), cols, k.oneToOne(), v.name(), shown));
                    }
                }
            }
        }
        links.sort(Comparator.comparing(Link::name, order).thenComparing(Link::referencedRelation, order)
                .thenComparing(l -> l.referencedColumns().toString(), order));
        return links;
    }

    /** The view's names for these table columns, when it shows every one of them unchanged; else null. */
    private List<String> exposed(Relation view, String schema, String table, List<String> columns) {
        List<String> names = new ArrayList<>();
        for (String column : columns) {
            String shown = catalog.viewColumns().stream()
                    .filter(vc -> vc.view() == view.oid() && vc.originSchema().equals(schema)
                            && vc.originRelation().equals(table) && vc.originColumn().equals(column))
                    .map(TypeCatalog.ViewColumn::column).findFirst().orElse(null);
            if (shown == null) {
                return null;
            }
            names.add(shown);
        }
        return names;
    }

    private void relationships(StringBuilder out, Relation r) {
        List<Link> links = links(r);
        if (links.isEmpty()) {
            out.append("        Relationships: []\n");
            return;
        }
        out.append("        Relationships: [\n");
        for (Link k : links) {
            out.append("          {\n")
                    .append("            foreignKeyName: ").append(quote(k.name())).append('\n')
                    .append("            columns: ").append(array(k.columns())).append('\n')
                    .append("            isOneToOne: ").append(k.oneToOne()).append('\n')
                    .append("            referencedRelation: ").append(quote(k.referencedRelation())).append('\n')
                    .append("            referencedColumns: ").append(array(k.referencedColumns())).append('\n')
                    .append("          },\n");
        }
        out.append("        ]\n");
    }

    /** PostgreSQL type name → TypeScript, as the Supabase generator maps it. */
    String type(Column c, String schema) {
        return tsType(c.type(), c.typeSchema() == null ? schema : c.typeSchema());
    }

    private String tsType(String pgType, String typeSchema) {
        if (pgType.equals("bool")) {
            return "boolean";
        }
        if (NUMBER.contains(pgType)) {
            return "number";
        }
        if (STRING.contains(pgType)) {
            return "string";
        }
        if (pgType.equals("json") || pgType.equals("jsonb")) {
            return "Json";
        }
        if (pgType.equals("void")) {
            return "undefined";
        }
        if (pgType.equals("record")) {
            return "Record<string, unknown>";
        }
        if (pgType.startsWith("_")) {
            String element = tsType(pgType.substring(1), typeSchema);
            return (element.contains(" ") ? "(" + element + ")" : element) + "[]";
        }
        EnumType e = preferred(catalog.enums().stream().filter(t -> t.name().equals(pgType)).toList(), typeSchema);
        if (e != null) {
            return catalog.schemas().contains(e.schema())
                    ? "Database[" + quote(e.schema()) + "][\"Enums\"][" + quote(e.name()) + "]" : union(e.values());
        }
        CompositeType ct = preferredComposite(pgType, typeSchema);
        if (ct != null) {
            return catalog.schemas().contains(ct.schema())
                    ? "Database[" + quote(ct.schema()) + "][\"CompositeTypes\"][" + quote(ct.name()) + "]" : "unknown";
        }
        Relation r = relationNamed(pgType, typeSchema);
        if (r != null) {
            return "Database[" + quote(r.schema()) + "][" + quote(r.isTable() ? "Tables" : "Views") + "]["
                    + quote(r.name()) + "][\"Row\"]";
        }
        return "unknown";
    }

    /** A generated relation whose row type has this name: the given schema first, then tables before views. */
    private Relation relationNamed(String name, String schema) {
        List<Relation> candidates = catalog.relations().stream().filter(r -> r.name().equals(name)).toList();
        return candidates.stream().filter(r -> r.schema().equals(schema)).findFirst()
                .orElse(candidates.stream().filter(Relation::isTable).findFirst()
                        .orElse(candidates.isEmpty() ? null : candidates.get(0)));
    }

    private static EnumType preferred(List<EnumType> candidates, String schema) {
        return candidates.stream().filter(t -> t.schema().equals(schema)).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    private CompositeType preferredComposite(String name, String schema) {
        List<CompositeType> candidates = catalog.composites().stream().filter(t -> t.name().equals(name)).toList();
        return candidates.stream().filter(t -> t.schema().equals(schema)).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    private List<Relation> relations(String schema, boolean tables) {
        return catalog.relations().stream().filter(r -> r.schema().equals(schema) && r.isTable() == tables)
                .sorted(Comparator.comparing(Relation::name, order)).toList();
    }

    private List<Column> columnsOf(Relation r) {
        return columns.getOrDefault(r.oid(), List.of()).stream().sorted(Comparator.comparing(Column::name, order)).toList();
    }

    private List<EnumType> enums(String schema) {
        return catalog.enums().stream().filter(e -> e.schema().equals(schema))
                .sorted(Comparator.comparing(EnumType::name, order)).toList();
    }

    private List<CompositeType> composites(String schema) {
        return catalog.composites().stream().filter(t -> t.schema().equals(schema))
                .sorted(Comparator.comparing(CompositeType::name, order)).toList();
    }

    private List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(order);
        return copy;
    }

    private String constants() {
        StringBuilder out = new StringBuilder("export const Constants = {\n");
        for (String schema : sorted(catalog.schemas())) {
            List<EnumType> enums = enums(schema);
            out.append("  ").append(key(schema)).append(": {\n    Enums: {");
            if (enums.isEmpty()) {
                out.append("},\n");
            } else {
                out.append('\n');
                for (EnumType e : enums) {
                    out.append("      ").append(key(e.name())).append(": ").append(array(e.values())).append(",\n");
                }
                out.append("    },\n");
            }
            out.append("  },\n");
        }
        return out.append("} as const\n").toString();
    }

    private static String helpers(String defaultSchema) {
        try (InputStream in = TypeScriptTypes.class.getResourceAsStream("helpers.ts")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{defaultSchema}}", defaultSchema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String union(List<String> values) {
        return String.join(" | ", values.stream().map(TypeScriptTypes::quote).toList());
    }

    private static String array(List<String> values) {
        return "[" + String.join(", ", values.stream().map(TypeScriptTypes::quote).toList()) + "]";
    }

    /** A property name, quoted only when it is not a plain identifier. */
    private static String key(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : quote(name);
    }

    /** A JSON string literal, as JSON.stringify writes it. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

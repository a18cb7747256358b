package dev.drydock.typegen;

import java.util.List;

/**
 * What type generation needs to know about a database, read from its catalog: the relations of
 * the generated schemas with their columns and foreign keys, and every user-defined enum and
 * composite type (a column may use one from a schema that is not generated).
 *
 * @param schemas the generated schemas, as asked for
 */
public record TypeCatalog(List<String> schemas, List<Relation> relations, List<Column> columns,
                          List<ForeignKey> foreignKeys, List<EnumType> enums, List<CompositeType> composites,
                          List<Function> functions, List<ViewColumn> viewColumns) {

    public TypeCatalog {
        schemas = List.copyOf(schemas);
        relations = List.copyOf(relations);
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        enums = List.copyOf(enums);
        composites = List.copyOf(composites);
        functions = List.copyOf(functions);
        viewColumns = List.copyOf(viewColumns);
    }

    /** A column of a view or materialized view that is a column of a table (or view) unchanged. */
    public record ViewColumn(long view, String column, String originSchema, String originRelation, String originColumn) {
    }

    /**
     * A function of a generated schema (not a trigger, not from an extension). {@code type} names
     * are pg_type's, domains not resolved (the Supabase generator types them as unknown).
     *
     * @param returnRelation  pg_class.relkind of the relation behind the return type ({@code r}, {@code v},
     *                        {@code c} for a composite type…), or 0 when it is not a row type
     * @param rows            pg_proc.prorows, the planner's row estimate (0 for a single value)
     * @param argumentTypes   pg_get_function_arguments, the order of overloads
     * @param resultType      pg_get_function_result
     */
    public record Function(String schema, String name, List<Arg> args, String returnType, String returnTypeSchema,
                           boolean setReturning, char returnRelation, float rows, String argumentTypes,
                           String resultType) {
        public Function {
            args = List.copyOf(args);
        }
    }

    /** {@code mode}: in, out, inout, variadic or table; {@code name} empty when unnamed. */
    public record Arg(String name, String mode, String type, String typeSchema, long typeOid, boolean hasDefault) {
        public boolean isInput() {
            return mode.equals("in") || mode.equals("inout") || mode.equals("variadic");
        }
    }

    /** A table, foreign table, view or materialized view. {@code kind} is pg_class.relkind. */
    public record Relation(long oid, String schema, String name, char kind, boolean updatable, boolean insertable) {
        public boolean isTable() {
            return kind == 'r' || kind == 'p' || kind == 'f';
        }
    }

    /**
     * A column. {@code type} is the type's name as pg_type has it ({@code int4}, {@code _text}),
     * a domain replaced by its base type; {@code typeSchema} the schema owning that type.
     */
    public record Column(long relation, String name, String type, String typeSchema, boolean nullable,
                         boolean hasDefault, String identity, boolean generated, boolean updatable) {
    }

    /** A foreign key between two relations; {@code oneToOne} when its columns are also unique. */
    public record ForeignKey(String name, String schema, String relation, List<String> columns, String referencedSchema,
                             String referencedRelation, List<String> referencedColumns, boolean oneToOne) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    public record EnumType(String schema, String name, List<String> values) {
        public EnumType {
            values = List.copyOf(values);
        }
    }

    /** A standalone composite type with its attributes in declaration order. */
    public record CompositeType(String schema, String name, List<Column> attributes) {
        public CompositeType {
            attributes = List.copyOf(attributes);
        }
    }
}

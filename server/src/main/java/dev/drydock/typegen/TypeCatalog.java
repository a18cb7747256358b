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
                          List<Function> functions) {

    public TypeCatalog {
        schemas = List.copyOf(schemas);
        relations = List.copyOf(relations);
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        enums = List.copyOf(enums);
        composites = List.copyOf(composites);
        functions = List.copyOf(functions);
    }

    /**
     * A function of a generated schema (not a trigger, not from an extension). {@code type} names
     * are pg_type's, domains not resolved (the Supabase generator types them as unknown).
     *
     * @param returnsRow      returns the row type of a table or view
     * @param argumentTypes   pg_get_function_arguments, the order of overloads
     * @param resultType      pg_get_function_result
     */
    public record Function(String schema, String name, List<Arg> args, String returnType, String returnTypeSchema,
                           boolean setReturning, boolean returnsRow, String argumentTypes, String resultType) {
        public Function {
            args = List.copyOf(args);
        }
    }

    /** {@code mode}: in, out, inout, variadic or table; {@code name} empty when unnamed. */
    public record Arg(String name, String mode, String type, String typeSchema, boolean hasDefault) {
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

package dev.drydock.sql;

import java.util.Locale;

/**
 * A database object a statement touches, schema-qualified. Names are as PostgreSQL stores them:
 * unquoted identifiers folded to lower case, quoted ones kept exactly.
 *
 * @param schema the schema; {@code public} when the statement did not name one (the default search_path)
 * @param name   the object's own name, or for {@link Kind#COLUMN}, {@link Kind#CONSTRAINT},
 *               {@link Kind#POLICY} and {@link Kind#TRIGGER}, the table's name
 * @param member the column, constraint, policy or trigger name; null for other kinds
 */
public record ObjectRef(Kind kind, String schema, String name, String member) {

    public enum Kind {
        TABLE, COLUMN, INDEX, CONSTRAINT, VIEW, SEQUENCE, TYPE, FUNCTION, POLICY, TRIGGER, SCHEMA, DATABASE,
        EXTENSION, ROLE, OTHER;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ObjectRef of(Kind kind, QualifiedName name) {
        return new ObjectRef(kind, name.schemaOr("public"), name.name(), null);
    }

    public static ObjectRef member(Kind kind, QualifiedName table, String member) {
        return new ObjectRef(kind, table.schemaOr("public"), table.name(), member);
    }

    public static ObjectRef schema(String name) {
        return new ObjectRef(Kind.SCHEMA, null, name, null);
    }

    /** The table (or other relation) this object belongs to: itself for a table. */
    public ObjectRef table() {
        return member == null ? this : new ObjectRef(Kind.TABLE, schema, name, null);
    }

    /** {@code schema.name} or {@code schema.table.member}; just the name for schemas and databases. */
    public String qualified() {
        String base = schema == null ? name : schema + "." + name;
        return member == null ? base : base + "." + member;
    }

    @Override
    public String toString() {
        return qualified();
    }
}

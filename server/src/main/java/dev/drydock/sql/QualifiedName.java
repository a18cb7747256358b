package dev.drydock.sql;

/**
 * A possibly schema-qualified name as written in a statement, already normalised (unquoted
 * identifiers folded to lower case, quotes and escapes resolved).
 *
 * @param schema null when the statement named none
 */
public record QualifiedName(String schema, String name) {

    public String schemaOr(String fallback) {
        return schema == null ? fallback : schema;
    }

    public String qualified(String defaultSchema) {
        return schemaOr(defaultSchema) + "." + name;
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}

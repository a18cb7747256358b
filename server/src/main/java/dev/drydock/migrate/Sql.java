package dev.drydock.migrate;

import dev.drydock.sql.Identifiers;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.QualifiedName;

/** Names of analysed objects written back as SQL, always through {@link Identifiers#quote}. */
final class Sql {
    private Sql() {
    }

    /** {@code schema.name} of a relation, type or function (the table, for a member). */
    static String name(ObjectRef ref) {
        return Identifiers.quote(ref.schema(), ref.name());
    }

    static String name(QualifiedName name) {
        return Identifiers.quote(name.schemaOr("public"), name.name());
    }

    /** The table a member object belongs to, as SQL. */
    static String table(ObjectRef member) {
        return Identifiers.quote(member.schema(), member.name());
    }

    static String id(String identifier) {
        return Identifiers.quote(identifier);
    }

    /** {@code schema.name} as a key of {@link PlanTarget}. */
    static String key(ObjectRef ref) {
        return ref.schema() == null ? ref.name() : ref.schema() + "." + ref.name();
    }

    /** A {@link PlanTarget} key {@code schema.name} written back as SQL. */
    static String fromKey(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? Identifiers.quote(key) : Identifiers.quote(key.substring(0, dot), key.substring(dot + 1));
    }
}

package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GRANT, REVOKE and ALTER DEFAULT PRIVILEGES. */
final class GrantReader {
    private GrantReader() {
    }

    static void read(Cursor c, StatementBuilder b) {
        boolean revoke = c.accept("REVOKE");
        c.accept("GRANT");
        if (revoke) {
            c.accept("GRANT", "OPTION", "FOR");
        }
        b.kind(revoke ? StatementKind.REVOKE : StatementKind.GRANT);
        List<String> privileges = new ArrayList<>();
        for (List<Token> part : Cursor.splitCommas(c.skipUntil(false, "ON", "TO", "FROM"))) {
            if (!part.isEmpty()) {
                privileges.add(part.get(0).text().toUpperCase(Locale.ROOT));
            }
        }
        String objectType = "TABLE";
        List<QualifiedName> objects = new ArrayList<>();
        if (c.accept("ON")) {
            String type = c.acceptAny("TABLE", "SEQUENCE", "FUNCTION", "PROCEDURE", "ROUTINE", "SCHEMA", "DATABASE",
                    "TYPE", "DOMAIN", "LANGUAGE", "TABLESPACE", "FOREIGN", "LARGE", "PARAMETER", "ALL", "TABLES",
                    "SEQUENCES", "FUNCTIONS", "PROCEDURES", "ROUTINES", "TYPES", "SCHEMAS");
            if (type != null) {
                objectType = type;
                if (type.equals("ALL")) {
                    // ALL TABLES | SEQUENCES | FUNCTIONS | PROCEDURES | ROUTINES IN SCHEMA s
                    Token what = c.next();
                    objectType = "ALL " + (what == null ? "" : what.text().toUpperCase(Locale.ROOT)) + " IN SCHEMA";
                    c.accept("IN", "SCHEMA");
                } else if (type.equals("FOREIGN") || type.equals("LARGE")) {
                    c.next();
                }
            }
            for (List<Token> part : Cursor.splitCommas(c.skipUntil(false, "TO", "FROM"))) {
                QualifiedName name = new Cursor(part).qualifiedName();
                if (name != null) {
                    objects.add(name);
                }
            }
        } else {
            objectType = "ROLE";
        }
        c.acceptAny("TO", "FROM");
        List<String> grantees = new ArrayList<>();
        for (List<Token> part : Cursor.splitCommas(c.skipUntil(false, "WITH", "GRANTED", "CASCADE", "RESTRICT"))) {
            Cursor p = new Cursor(part);
            p.accept("GROUP");
            String role = p.identifier();
            if (role != null) {
                grantees.add(role);
            }
        }
        for (QualifiedName o : objects) {
            b.object(objectRef(objectType, o));
        }
        b.detail = new Detail.Grant(revoke, privileges, objectType, objects, grantees);
    }

    /** What a GRANT names: a table, a schema (for SCHEMA and ALL … IN SCHEMA), or another object as written. */
    private static ObjectRef objectRef(String objectType, QualifiedName o) {
        if (objectType.equals("TABLE")) {
            return ObjectRef.of(Kind.TABLE, o);
        }
        if (objectType.equals("SCHEMA") || objectType.startsWith("ALL ")) {
            return ObjectRef.schema(o.name());
        }
        return o.schema() == null ? new ObjectRef(Kind.OTHER, null, o.name(), null) : ObjectRef.of(Kind.OTHER, o);
    }

    static void defaultPrivileges(Cursor c, StatementBuilder b) {
        c.accept("PRIVILEGES");
        b.kind(StatementKind.ALTER_DEFAULT_PRIVILEGES);
        c.skipUntil(false, "GRANT", "REVOKE");
        if (c.is("GRANT") || c.is("REVOKE")) {
            StatementBuilder inner = new StatementBuilder(b.statement, b.depth);
            read(c, inner);
            b.detail = inner.detail;
        }
    }
}

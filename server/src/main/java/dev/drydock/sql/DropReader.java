package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;

import java.util.List;

/** Every DROP: what kind of object, which ones, and whether it loses data. */
final class DropReader {
    private DropReader() {
    }

    static void read(Cursor c, StatementBuilder b) {
        if (c.accept("POLICY")) {
            onTable(c, b, StatementKind.DROP_POLICY, Kind.POLICY, LockLevel.ACCESS_EXCLUSIVE);
            return;
        }
        if (c.accept("TRIGGER")) {
            onTable(c, b, StatementKind.DROP_TRIGGER, Kind.TRIGGER, LockLevel.ACCESS_EXCLUSIVE);
            return;
        }
        if (c.accept("RULE")) {
            onTable(c, b, StatementKind.DROP_OTHER, Kind.OTHER, LockLevel.ACCESS_EXCLUSIVE);
            return;
        }
        if (c.accept("OWNED", "BY")) {
            // drops every object the roles own, tables and their rows included
            List<QualifiedName> roles = c.qualifiedNames();
            b.kind(StatementKind.DROP_OTHER);
            roles.forEach(r -> b.object(new ObjectRef(Kind.ROLE, null, r.name(), null)));
            b.destructive = true;
            b.reversible = false;
            b.detail = new Detail.Objects(Kind.ROLE, roles, false, false, true, false);
            return;
        }
        String what = c.acceptAny("TABLE", "INDEX", "VIEW", "MATERIALIZED", "SEQUENCE", "TYPE", "DOMAIN", "FUNCTION",
                "PROCEDURE", "ROUTINE", "AGGREGATE", "SCHEMA", "DATABASE", "EXTENSION", "ROLE", "USER", "GROUP",
                "PUBLICATION", "SUBSCRIPTION", "SERVER", "FOREIGN", "COLLATION", "CONVERSION", "OPERATOR", "CAST",
                "TEXT", "EVENT", "LANGUAGE", "TABLESPACE", "STATISTICS", "TRANSFORM", "ACCESS");
        if (what == null) {
            b.note = "unknown DROP " + (c.peek() == null ? "" : c.peek().text());
            return;
        }
        if (what.equals("MATERIALIZED")) {
            c.accept("VIEW");
        } else if (what.equals("FOREIGN")) {
            what = c.accept("TABLE") ? "TABLE" : "FOREIGN";
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifExists = c.acceptIfExists();
        List<QualifiedName> names = c.qualifiedNames();
        boolean cascade = c.rest().stream().anyMatch(t -> t.isWord("CASCADE"));
        Kind kind = kindOf(what);
        b.kind(statementKind(what));
        for (QualifiedName n : names) {
            ObjectRef ref = kind == Kind.SCHEMA ? ObjectRef.schema(n.name())
                    : kind == Kind.DATABASE || kind == Kind.EXTENSION || kind == Kind.ROLE
                    ? new ObjectRef(kind, null, n.name(), null) : ObjectRef.of(kind, n);
            b.object(ref);
            if (kind == Kind.TABLE || kind == Kind.VIEW || kind == Kind.INDEX) {
                b.lock(concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE, ref);
            }
        }
        b.transactional = !concurrently && kind != Kind.DATABASE && !what.equals("TABLESPACE");
        boolean holdsData = kind == Kind.TABLE || kind == Kind.SCHEMA || kind == Kind.DATABASE || kind == Kind.SEQUENCE;
        b.destructive = holdsData || cascade;
        b.reversible = !b.destructive;
        b.detail = new Detail.Objects(kind, names, concurrently, ifExists, cascade, false);
    }

    private static void onTable(Cursor c, StatementBuilder b, StatementKind statementKind, Kind kind, LockLevel lock) {
        c.acceptIfExists();
        String name = c.identifier();
        c.accept("ON");
        QualifiedName table = c.qualifiedName();
        b.kind(statementKind);
        if (table != null) {
            b.object(ObjectRef.member(kind, table, name));
            b.lock(lock, ObjectRef.of(Kind.TABLE, table));
        }
        b.detail = new Detail.Objects(kind, table == null ? List.of() : List.of(table), false, false,
                c.rest().stream().anyMatch(t -> t.isWord("CASCADE")), false);
    }

    private static Kind kindOf(String what) {
        return switch (what) {
            case "TABLE" -> Kind.TABLE;
            case "INDEX" -> Kind.INDEX;
            case "VIEW", "MATERIALIZED" -> Kind.VIEW;
            case "SEQUENCE" -> Kind.SEQUENCE;
            case "TYPE", "DOMAIN" -> Kind.TYPE;
            case "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE" -> Kind.FUNCTION;
            case "SCHEMA" -> Kind.SCHEMA;
            case "DATABASE" -> Kind.DATABASE;
            case "EXTENSION" -> Kind.EXTENSION;
            case "ROLE", "USER", "GROUP" -> Kind.ROLE;
            default -> Kind.OTHER;
        };
    }

    private static StatementKind statementKind(String what) {
        return switch (what) {
            case "TABLE" -> StatementKind.DROP_TABLE;
            case "INDEX" -> StatementKind.DROP_INDEX;
            case "VIEW", "MATERIALIZED" -> StatementKind.DROP_VIEW;
            case "SEQUENCE" -> StatementKind.DROP_SEQUENCE;
            case "TYPE", "DOMAIN" -> StatementKind.DROP_TYPE;
            case "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE" -> StatementKind.DROP_FUNCTION;
            case "SCHEMA" -> StatementKind.DROP_SCHEMA;
            case "DATABASE" -> StatementKind.DROP_DATABASE;
            case "EXTENSION" -> StatementKind.DROP_EXTENSION;
            case "ROLE", "USER", "GROUP" -> StatementKind.DROP_ROLE;
            default -> StatementKind.DROP_OTHER;
        };
    }
}

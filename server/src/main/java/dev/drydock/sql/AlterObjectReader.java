package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;

import java.util.ArrayList;
import java.util.List;

/** ALTER of everything but tables: indexes, views, sequences, types, routines, policies, schemas, roles… */
final class AlterObjectReader {
    private AlterObjectReader() {
    }

    static void alter(Cursor c, StatementBuilder b) {
        c.accept("ALTER");
        if (c.is("TABLE")) {
            TableReader.alterTable(c, b);
            return;
        }
        String what = c.acceptAny("INDEX", "VIEW", "MATERIALIZED", "SEQUENCE", "TYPE", "DOMAIN", "FUNCTION",
                "PROCEDURE", "ROUTINE", "POLICY", "SCHEMA", "SYSTEM", "DEFAULT", "ROLE", "USER", "GROUP", "DATABASE",
                "EXTENSION", "PUBLICATION", "TRIGGER", "AGGREGATE", "OPERATOR", "COLLATION", "CONVERSION", "TEXT",
                "FOREIGN", "SERVER", "EVENT", "LANGUAGE", "LARGE", "STATISTICS", "SUBSCRIPTION", "TABLESPACE");
        if (what == null) {
            b.note = "unknown ALTER " + (c.peek() == null ? "" : c.peek().text());
            return;
        }
        switch (what) {
            case "INDEX" -> alterIndex(c, b);
            case "VIEW", "MATERIALIZED" -> {
                c.accept("VIEW");
                c.acceptIfExists();
                QualifiedName name = c.qualifiedName();
                b.kind(StatementKind.ALTER_VIEW).object(name == null ? null : ObjectRef.of(Kind.VIEW, name));
                b.lock(LockLevel.ACCESS_EXCLUSIVE, name == null ? null : ObjectRef.of(Kind.VIEW, name));
            }
            case "SEQUENCE" -> {
                c.acceptIfExists();
                QualifiedName name = c.qualifiedName();
                b.kind(StatementKind.ALTER_SEQUENCE).object(name == null ? null : ObjectRef.of(Kind.SEQUENCE, name));
            }
            case "TYPE" -> alterType(c, b);
            case "DOMAIN" -> {
                QualifiedName name = c.qualifiedName();
                b.kind(StatementKind.ALTER_DOMAIN).object(name == null ? null : ObjectRef.of(Kind.TYPE, name));
            }
            case "FUNCTION", "PROCEDURE", "ROUTINE" -> RoutineReader.alterRoutine(c, b);
            case "POLICY" -> PolicyReader.alter(c, b);
            case "SCHEMA" -> alterSchema(c, b);
            case "SYSTEM" -> {
                b.kind(StatementKind.ALTER_SYSTEM).transactional = false;
                c.acceptAny("SET", "RESET");
                String parameter = c.identifier();
                b.object(parameter == null ? null : new ObjectRef(Kind.OTHER, null, parameter, null));
            }
            case "DEFAULT" -> GrantReader.defaultPrivileges(c, b);
            case "ROLE", "USER", "GROUP" -> {
                String name = c.identifier();
                b.kind(StatementKind.ALTER_ROLE).object(name == null ? null : new ObjectRef(Kind.ROLE, null, name, null));
            }
            case "DATABASE" -> b.kind(StatementKind.ALTER_DATABASE);
            case "EXTENSION" -> b.kind(StatementKind.ALTER_EXTENSION);
            case "PUBLICATION" -> alterPublication(c, b);
            case "TRIGGER" -> {
                QualifiedName name = c.qualifiedName();
                c.accept("ON");
                QualifiedName table = c.qualifiedName();
                b.kind(StatementKind.ALTER_TRIGGER);
                if (table != null && name != null) {
                    b.object(ObjectRef.member(Kind.TRIGGER, table, name.name()));
                    b.lock(LockLevel.ACCESS_EXCLUSIVE, ObjectRef.of(Kind.TABLE, table));
                }
            }
            default -> b.kind(StatementKind.ALTER_OTHER);
        }
    }

    private static void alterIndex(Cursor c, StatementBuilder b) {
        if (c.is("ALL", "IN")) {
            b.kind(StatementKind.ALTER_INDEX);
            return;
        }
        c.acceptIfExists();
        QualifiedName name = c.qualifiedName();
        b.kind(StatementKind.ALTER_INDEX).object(name == null ? null : ObjectRef.of(Kind.INDEX, name));
        if (c.accept("RENAME", "TO")) {
            String newName = c.identifier();
            b.detail = new Detail.Rename(name == null ? null : ObjectRef.of(Kind.INDEX, name), newName);
        }
        b.lock(c.is("SET") || c.is("RESET") ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE,
                name == null ? null : ObjectRef.of(Kind.INDEX, name));
    }

    private static void alterType(Cursor c, StatementBuilder b) {
        QualifiedName name = c.qualifiedName();
        ObjectRef ref = name == null ? null : ObjectRef.of(Kind.TYPE, name);
        if (c.accept("ADD", "VALUE")) {
            c.acceptIfNotExists();
            Token value = c.next();
            String v = value == null ? null : Identifiers.stringValue(value);
            b.kind(StatementKind.ADD_ENUM_VALUE).object(ref);
            b.reversible = false;
            b.detail = new Detail.EnumValue(name, v);
            return;
        }
        b.kind(StatementKind.ALTER_TYPE).object(ref);
        if (c.accept("RENAME", "TO")) {
            b.detail = new Detail.Rename(ref, c.identifier());
        }
    }

    private static void alterSchema(Cursor c, StatementBuilder b) {
        String name = c.identifier();
        ObjectRef ref = name == null ? null : ObjectRef.schema(name);
        b.kind(StatementKind.ALTER_SCHEMA).object(ref);
        if (c.accept("RENAME", "TO")) {
            b.detail = new Detail.Rename(ref, c.identifier());
        }
    }

    /**
     * ALTER PUBLICATION name ADD | DROP | SET TABLE t [(columns)] [WHERE (…)] [, …]: the tables are its
     * objects; other forms (TABLES IN SCHEMA, options, owner, rename) keep no detail.
     */
    private static void alterPublication(Cursor c, StatementBuilder b) {
        b.kind(StatementKind.ALTER_PUBLICATION);
        String name = c.identifier();
        String action = c.acceptAny("ADD", "DROP", "SET");
        if (name == null || action == null || !c.is("TABLE")) {
            return;
        }
        List<QualifiedName> tables = new ArrayList<>();
        while (c.accept("TABLE") || !tables.isEmpty() && !c.atEnd()) {
            c.accept("ONLY");
            QualifiedName table = c.qualifiedName();
            if (table == null) {
                return;
            }
            c.acceptOperator("*");
            boolean columns = c.isPunct("(");
            c.parenthesized();
            if (c.accept("WHERE")) {
                columns = true;
                c.parenthesized();
            }
            tables.add(table);
            b.object(ObjectRef.of(Kind.TABLE, table));
            if (!c.acceptPunct(",")) {
                b.detail = c.atEnd() ? new Detail.Publication(name, action, tables, columns) : Detail.None.INSTANCE;
                return;
            }
        }
    }
}

package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** CREATE of everything but tables: indexes, views, triggers, types, rules, schemas, extensions… */
final class CreateReader {
    private CreateReader() {
    }

    static void create(Cursor c, StatementBuilder b, Consumer<List<Token>> nested) {
        c.accept("CREATE");
        c.accept("OR", "REPLACE");
        boolean temporary = false;
        while (true) {
            String modifier = c.acceptAny("TEMPORARY", "TEMP", "UNLOGGED", "GLOBAL", "LOCAL", "RECURSIVE",
                    "TRUSTED", "PROCEDURAL", "CONSTRAINT", "DEFAULT");
            if (modifier == null) {
                break;
            }
            temporary |= modifier.startsWith("TEMP");
        }
        if (c.is("TABLE")) {
            TableReader.createTable(c, b, temporary, nested);
        } else if (c.is("UNIQUE", "INDEX") || c.is("INDEX")) {
            createIndex(c, b);
        } else if (c.accept("VIEW")) {
            createRelation(c, b, StatementKind.CREATE_VIEW, Kind.VIEW);
        } else if (c.accept("MATERIALIZED", "VIEW")) {
            createRelation(c, b, StatementKind.CREATE_MATERIALIZED_VIEW, Kind.VIEW);
        } else if (c.is("FUNCTION") || c.is("PROCEDURE")) {
            RoutineReader.createRoutine(c, b);
        } else if (c.accept("TRIGGER")) {
            createTrigger(c, b);
        } else if (c.accept("POLICY")) {
            PolicyReader.create(c, b);
        } else if (c.accept("TYPE")) {
            createType(c, b);
        } else if (c.accept("RULE")) {
            createRule(c, b, nested);
        } else {
            createOther(c, b);
        }
    }

    private static void createIndex(Cursor c, StatementBuilder b) {
        boolean unique = c.accept("UNIQUE");
        c.accept("INDEX");
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.acceptIfNotExists();
        QualifiedName name = c.is("ON") ? null : c.qualifiedName();
        if (!c.accept("ON")) {
            return;
        }
        c.accept("ONLY");
        QualifiedName table = c.qualifiedName();
        if (table == null) {
            return;
        }
        if (c.accept("USING")) {
            c.identifier();
        }
        List<String> columns = new ArrayList<>();
        for (List<Token> part : Cursor.splitCommas(c.parenthesized())) {
            if (!part.isEmpty() && (part.get(0).type() == Type.WORD || part.get(0).type() == Type.QUOTED_IDENT)
                    && (part.size() == 1 || !part.get(1).isPunct("("))) {
                columns.add(Identifiers.normalize(part.get(0)));
            } else {
                columns.add("(" + Cursor.text(part) + ")");
            }
        }
        QualifiedName indexName = name == null ? null : new QualifiedName(table.schema(), name.name());
        b.kind(StatementKind.CREATE_INDEX);
        b.object(indexName == null ? ObjectRef.of(Kind.TABLE, table) : ObjectRef.of(Kind.INDEX, indexName));
        b.object(ObjectRef.of(Kind.TABLE, table));
        b.lock(concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE, ObjectRef.of(Kind.TABLE, table));
        b.scans = true;
        b.transactional = !concurrently;
        b.detail = new Detail.Index(indexName, table, columns, unique, concurrently, ifNotExists);
    }

    private static void createRelation(Cursor c, StatementBuilder b, StatementKind kind, Kind objectKind) {
        c.acceptIfNotExists();
        QualifiedName name = c.qualifiedName();
        b.kind(kind).object(name == null ? null : ObjectRef.of(objectKind, name));
    }

    private static void createTrigger(Cursor c, StatementBuilder b) {
        QualifiedName name = c.qualifiedName();
        c.skipUntil(false, "ON");
        c.accept("ON");
        QualifiedName table = c.qualifiedName();
        b.kind(StatementKind.CREATE_TRIGGER);
        if (table != null && name != null) {
            b.object(ObjectRef.member(Kind.TRIGGER, table, name.name()));
            b.lock(LockLevel.SHARE_ROW_EXCLUSIVE, ObjectRef.of(Kind.TABLE, table));
        }
        // … EXECUTE { FUNCTION | PROCEDURE } name ( arguments ): the routine is an object it needs
        c.skipUntil(false, "EXECUTE");
        if (c.accept("EXECUTE") && c.acceptAny("FUNCTION", "PROCEDURE") != null) {
            QualifiedName function = c.qualifiedName();
            b.object(function == null ? null : ObjectRef.of(Kind.FUNCTION, function));
        }
    }

    private static void createType(Cursor c, StatementBuilder b) {
        QualifiedName name = c.qualifiedName();
        b.kind(StatementKind.CREATE_TYPE).object(name == null ? null : ObjectRef.of(Kind.TYPE, name));
    }

    private static void createRule(Cursor c, StatementBuilder b, Consumer<List<Token>> nested) {
        QualifiedName name = c.qualifiedName();
        c.skipUntil(false, "TO");
        c.accept("TO");
        QualifiedName table = c.qualifiedName();
        b.kind(StatementKind.CREATE_RULE);
        if (table != null) {
            b.object(ObjectRef.member(Kind.OTHER, table, name == null ? null : name.name()));
            b.lock(LockLevel.ACCESS_EXCLUSIVE, ObjectRef.of(Kind.TABLE, table));
        }
        c.skipUntil(false, "DO");
        c.accept("DO");
        c.acceptAny("ALSO", "INSTEAD");
        if (c.isPunct("(")) {
            for (List<Token> part : TokenReader.splitSemicolons(c.parenthesized())) {
                nested.accept(part);
            }
        } else if (!c.accept("NOTHING")) {
            nested.accept(c.rest());
        }
    }

    private static void createOther(Cursor c, StatementBuilder b) {
        String what = c.acceptAny("SCHEMA", "EXTENSION", "SEQUENCE", "DOMAIN", "ROLE", "USER", "GROUP", "PUBLICATION",
                "DATABASE", "TABLESPACE", "SUBSCRIPTION", "AGGREGATE", "OPERATOR", "CAST", "COLLATION", "CONVERSION",
                "TEXT", "FOREIGN", "SERVER", "EVENT", "LANGUAGE", "ACCESS", "STATISTICS", "TRANSFORM");
        if (what == null) {
            b.note = "unknown CREATE " + (c.peek() == null ? "" : c.peek().text());
            return;
        }
        boolean ifNotExists = c.acceptIfNotExists();
        switch (what) {
            case "SCHEMA" -> {
                String name = c.is("AUTHORIZATION") ? null : c.identifier();
                b.kind(StatementKind.CREATE_SCHEMA).object(name == null ? null : ObjectRef.schema(name));
            }
            case "EXTENSION" -> {
                String name = c.identifier();
                b.kind(StatementKind.CREATE_EXTENSION).object(name == null ? null : new ObjectRef(Kind.EXTENSION, null, name, null));
            }
            case "SEQUENCE" -> {
                QualifiedName name = c.qualifiedName();
                b.kind(StatementKind.CREATE_SEQUENCE).object(name == null ? null : ObjectRef.of(Kind.SEQUENCE, name));
            }
            case "DOMAIN" -> {
                QualifiedName name = c.qualifiedName();
                b.kind(StatementKind.CREATE_DOMAIN).object(name == null ? null : ObjectRef.of(Kind.TYPE, name));
            }
            case "ROLE", "USER", "GROUP" -> {
                String name = c.identifier();
                b.kind(StatementKind.CREATE_ROLE).object(name == null ? null : new ObjectRef(Kind.ROLE, null, name, null));
            }
            case "PUBLICATION" -> b.kind(StatementKind.CREATE_PUBLICATION);
            case "DATABASE", "TABLESPACE" -> {
                String name = c.identifier();
                b.kind(StatementKind.CREATE_DATABASE).object(name == null ? null : new ObjectRef(Kind.DATABASE, null, name, null));
                b.transactional = false;
            }
            default -> b.kind(StatementKind.CREATE_OTHER);
        }
        if (ifNotExists && b.kind == StatementKind.UNKNOWN) {
            b.kind(StatementKind.CREATE_OTHER);
        }
    }
}

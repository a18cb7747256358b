package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognises a statement from its lexer tokens: kind, objects, locks and details, following
 * PostgreSQL's grammar closely enough for every statement a migration or an agent writes. What it
 * does not recognise is {@link StatementKind#UNKNOWN}, never guessed.
 */
public final class TokenReader {
    private final StatementBuilder b;
    private final Cursor c;

    private TokenReader(SqlStatement statement, List<Token> tokens, int depth) {
        this.b = new StatementBuilder(statement, depth);
        this.c = new Cursor(tokens);
    }

    /** Reads one statement of a script. */
    public static StatementInfo read(SqlStatement statement) {
        return read(statement, statement.significantTokens(), 0);
    }

    /** Reads a statement made of some significant tokens (a CTE body, the statement after EXPLAIN). */
    static StatementInfo read(SqlStatement statement, List<Token> tokens, int depth) {
        TokenReader reader = new TokenReader(statement, tokens, depth);
        try {
            reader.dispatch();
        } catch (RuntimeException e) {
            reader.b.kind = StatementKind.UNKNOWN;
            reader.b.note = "the token reader failed: " + e;
        }
        return reader.b.build();
    }

    /** A nested statement over a slice of this statement's tokens. */
    private StatementInfo nested(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        SqlStatement s = b.statement;
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        String text = s.text();
        int from = first.start() - s.start();
        int to = last.end() - s.start();
        String sub = from >= 0 && to <= text.length() && from <= to ? text.substring(from, to) : Cursor.text(tokens);
        SqlStatement child = new SqlStatement(s.index(), sub, first.start(), last.end(), first.line(), first.column(),
                tokens);
        if (b.depth >= 8) {
            b.unreadable = true;
            b.note = "statements nested more than 8 deep";
            return null;
        }
        return read(child, tokens, b.depth + 1);
    }

    private void addNested(List<Token> tokens) {
        StatementInfo info = nested(tokens);
        if (info != null) {
            b.nested.add(info);
        }
    }

    private void dispatch() {
        Token first = c.peek();
        if (first == null) {
            return;
        }
        if (first.isPunct("(")) {
            select();
            return;
        }
        String word = first.upperWord();
        if (word == null) {
            b.note = "it starts with " + first.text();
            return;
        }
        switch (word) {
            case "CREATE" -> create();
            case "ALTER" -> alter();
            case "DROP" -> drop();
            case "TRUNCATE" -> truncate();
            case "DELETE", "UPDATE", "INSERT", "MERGE" -> DmlReader.read(c, b);
            case "WITH" -> with();
            case "SELECT", "VALUES", "TABLE" -> select();
            case "COPY" -> copy();
            case "GRANT", "REVOKE" -> GrantReader.read(c, b);
            case "COMMENT" -> comment();
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> transaction();
            case "PREPARE" -> prepare();
            case "SET", "RESET" -> setting();
            case "SHOW" -> b.kind(StatementKind.SHOW);
            case "VACUUM", "ANALYZE", "ANALYSE", "CLUSTER", "REINDEX", "REFRESH", "CHECKPOINT" -> MaintenanceReader.read(c, b);
            case "DO" -> doBlock();
            case "CALL" -> call();
            case "LOCK" -> lockTable();
            case "NOTIFY", "LISTEN", "UNLISTEN" -> b.kind(StatementKind.NOTIFY);
            case "EXPLAIN" -> explain();
            case "EXECUTE" -> b.kind(StatementKind.EXECUTE_PREPARED);
            case "DISCARD" -> b.kind(StatementKind.DISCARD);
            case "DEALLOCATE", "DECLARE", "FETCH", "MOVE", "CLOSE", "LOAD", "REASSIGN", "IMPORT", "SECURITY" -> utility(word);
            default -> b.note = "Drydock does not know statements starting with " + word;
        }
    }

    private void create() {
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
            TableReader.createTable(c, b, temporary, this::addNested);
        } else if (c.is("UNIQUE", "INDEX") || c.is("INDEX")) {
            createIndex();
        } else if (c.accept("VIEW")) {
            createRelation(StatementKind.CREATE_VIEW, Kind.VIEW);
        } else if (c.accept("MATERIALIZED", "VIEW")) {
            createRelation(StatementKind.CREATE_MATERIALIZED_VIEW, Kind.VIEW);
        } else if (c.is("FUNCTION") || c.is("PROCEDURE")) {
            RoutineReader.createRoutine(c, b);
        } else if (c.accept("TRIGGER")) {
            createTrigger();
        } else if (c.accept("POLICY")) {
            PolicyReader.create(c, b);
        } else if (c.accept("TYPE")) {
            createType();
        } else if (c.accept("RULE")) {
            createRule();
        } else {
            createOther();
        }
    }

    private void createIndex() {
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

    private void createRelation(StatementKind kind, Kind objectKind) {
        c.acceptIfNotExists();
        QualifiedName name = c.qualifiedName();
        b.kind(kind).object(name == null ? null : ObjectRef.of(objectKind, name));
    }

    private void createTrigger() {
        QualifiedName name = c.qualifiedName();
        c.skipUntil(false, "ON");
        c.accept("ON");
        QualifiedName table = c.qualifiedName();
        b.kind(StatementKind.CREATE_TRIGGER);
        if (table != null && name != null) {
            b.object(ObjectRef.member(Kind.TRIGGER, table, name.name()));
            b.lock(LockLevel.SHARE_ROW_EXCLUSIVE, ObjectRef.of(Kind.TABLE, table));
        }
    }

    private void createType() {
        QualifiedName name = c.qualifiedName();
        b.kind(StatementKind.CREATE_TYPE).object(name == null ? null : ObjectRef.of(Kind.TYPE, name));
    }

    private void createRule() {
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
            for (List<Token> part : splitSemicolons(c.parenthesized())) {
                addNested(part);
            }
        } else if (!c.accept("NOTHING")) {
            addNested(c.rest());
        }
    }

    private void createOther() {
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

    private void alter() {
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
            case "INDEX" -> alterIndex();
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
            case "TYPE" -> alterType();
            case "DOMAIN" -> {
                QualifiedName name = c.qualifiedName();
                b.kind(StatementKind.ALTER_DOMAIN).object(name == null ? null : ObjectRef.of(Kind.TYPE, name));
            }
            case "FUNCTION", "PROCEDURE", "ROUTINE" -> RoutineReader.alterRoutine(c, b);
            case "POLICY" -> PolicyReader.alter(c, b);
            case "SCHEMA" -> alterSchema();
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
            case "PUBLICATION" -> b.kind(StatementKind.ALTER_PUBLICATION);
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

    private void alterIndex() {
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

    private void alterType() {
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

    private void alterSchema() {
        String name = c.identifier();
        ObjectRef ref = name == null ? null : ObjectRef.schema(name);
        b.kind(StatementKind.ALTER_SCHEMA).object(ref);
        if (c.accept("RENAME", "TO")) {
            b.detail = new Detail.Rename(ref, c.identifier());
        }
    }

    private void drop() {
        c.accept("DROP");
        DropReader.read(c, b);
    }

    private void truncate() {
        c.accept("TRUNCATE");
        c.accept("TABLE");
        List<QualifiedName> tables = c.qualifiedNames();
        b.kind(StatementKind.TRUNCATE);
        for (QualifiedName t : tables) {
            b.object(ObjectRef.of(Kind.TABLE, t));
            b.lock(LockLevel.ACCESS_EXCLUSIVE, ObjectRef.of(Kind.TABLE, t));
        }
        boolean cascade = c.rest().stream().anyMatch(t -> t.isWord("CASCADE"));
        b.destructive = true;
        b.reversible = false;
        b.detail = new Detail.Objects(Kind.TABLE, tables, false, false, cascade, false);
    }

    private void with() {
        c.accept("WITH");
        c.accept("RECURSIVE");
        do {
            c.identifier();
            if (c.isPunct("(")) {
                c.parenthesized();
            }
            if (!c.accept("AS")) {
                b.note = "a WITH clause Drydock could not read";
                return;
            }
            c.accept("NOT");
            c.accept("MATERIALIZED");
            addNested(c.parenthesized());
            if (c.accept("SEARCH") || c.accept("CYCLE")) {
                c.skipUntil(true, "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE");
            }
        } while (c.acceptPunct(","));
        dispatch();
    }

    private void select() {
        b.kind(StatementKind.SELECT);
        for (Token t : c.rest()) {
            if (t.isWord("FOR") || t.isWord("INTO")) {
                // SELECT … FOR UPDATE locks rows; SELECT INTO creates a table: both are more than a read
                b.lock(LockLevel.ROW_SHARE, null);
            }
        }
        if (b.lock == LockLevel.NONE) {
            b.lock = LockLevel.ACCESS_SHARE;
        }
    }

    private void copy() {
        c.accept("COPY");
        c.accept("BINARY"); // the pre-9.0 form, still accepted: COPY BINARY t TO …
        QualifiedName table = null;
        if (c.isPunct("(")) {
            addNested(c.parenthesized());
        } else {
            table = c.qualifiedName();
            if (c.isPunct("(")) {
                c.parenthesized();
            }
        }
        boolean to = c.is("TO");
        c.acceptAny("TO", "FROM");
        boolean program = c.is("PROGRAM");
        b.kind(StatementKind.COPY);
        if (table != null) {
            b.object(ObjectRef.of(Kind.TABLE, table));
            b.lock(to ? LockLevel.ACCESS_SHARE : LockLevel.ROW_EXCLUSIVE, ObjectRef.of(Kind.TABLE, table));
        }
        b.detail = new Detail.Copy(table, to, program);
    }

    private void comment() {
        c.accept("COMMENT");
        c.accept("ON");
        b.kind(StatementKind.COMMENT);
        String what = c.acceptAny("TABLE", "COLUMN", "SCHEMA", "FUNCTION", "VIEW", "INDEX", "TYPE", "POLICY",
                "CONSTRAINT", "TRIGGER", "MATERIALIZED", "SEQUENCE", "EXTENSION", "DOMAIN", "PROCEDURE", "ROLE");
        if (what == null) {
            return;
        }
        c.accept("VIEW");
        QualifiedName name = c.qualifiedName();
        if (name == null) {
            return;
        }
        switch (what) {
            case "TABLE" -> b.object(ObjectRef.of(Kind.TABLE, name));
            case "SCHEMA" -> b.object(ObjectRef.schema(name.name()));
            case "COLUMN" -> {
                // table.column or schema.table.column: the cursor kept the last two parts
                b.object(new ObjectRef(Kind.COLUMN, "public", name.schema(), name.name()));
            }
            default -> b.object(ObjectRef.of(Kind.OTHER, name));
        }
    }

    private void transaction() {
        b.kind(StatementKind.TRANSACTION_CONTROL);
        b.transactional = false;
    }

    private void prepare() {
        c.accept("PREPARE");
        if (c.is("TRANSACTION")) {
            transaction();
            return;
        }
        c.identifier();
        if (c.isPunct("(")) {
            c.parenthesized();
        }
        c.accept("AS");
        b.kind(StatementKind.PREPARE);
        addNested(c.rest());
    }

    private void setting() {
        boolean reset = c.accept("RESET");
        if (!reset) {
            c.accept("SET");
        }
        boolean local = c.accept("LOCAL");
        c.accept("SESSION");
        b.kind(reset ? StatementKind.RESET : StatementKind.SET);
        if (c.is("TRANSACTION") || c.is("SESSION", "CHARACTERISTICS") || c.is("CONSTRAINTS") || c.is("ROLE")
                || c.is("SESSION", "AUTHORIZATION")) {
            b.detail = new Detail.Setting(c.peek().text().toLowerCase(Locale.ROOT), null, local);
            return;
        }
        StringBuilder name = new StringBuilder();
        String part = c.identifier();
        while (part != null) {
            name.append(part);
            if (!c.acceptPunct(".")) {
                break;
            }
            name.append('.');
            part = c.identifier();
        }
        String value = null;
        if (!reset && (c.accept("TO") || c.peek() != null && c.peek().text().equals("="))) {
            if (c.peek() != null && c.peek().text().equals("=")) {
                c.next();
            }
            Token v = c.peek();
            value = v == null ? null : v.type() == Type.STRING ? Identifiers.stringValue(v) : Cursor.text(c.rest());
        }
        b.detail = new Detail.Setting(name.toString(), value, local);
    }

    private void doBlock() {
        c.accept("DO");
        String language = "plpgsql";
        if (c.accept("LANGUAGE")) {
            language = c.identifier();
        }
        Token body = c.next();
        if (c.accept("LANGUAGE")) {
            language = c.identifier();
        }
        b.kind(StatementKind.DO_BLOCK);
        if (body == null || Identifiers.stringValue(body) == null) {
            b.kind = StatementKind.UNKNOWN;
            b.note = "a DO block without a body";
            return;
        }
        b.detail = new Detail.Routine(null, language, false, false, Identifiers.stringValue(body));
        BodyReader.read(language, body, b);
    }

    private void call() {
        c.accept("CALL");
        QualifiedName name = c.qualifiedName();
        b.kind(StatementKind.CALL).object(name == null ? null : ObjectRef.of(Kind.FUNCTION, name));
    }

    private void lockTable() {
        c.accept("LOCK");
        c.accept("TABLE");
        List<QualifiedName> tables = c.qualifiedNames();
        LockLevel level = LockLevel.ACCESS_EXCLUSIVE;
        if (c.accept("IN")) {
            StringBuilder mode = new StringBuilder();
            while (!c.atEnd() && !c.is("MODE")) {
                mode.append(mode.length() == 0 ? "" : "_").append(c.next().text().toUpperCase(Locale.ROOT));
            }
            try {
                level = LockLevel.valueOf(mode.toString());
            } catch (IllegalArgumentException e) {
                level = LockLevel.ACCESS_EXCLUSIVE;
            }
        }
        b.kind(StatementKind.LOCK_TABLE);
        for (QualifiedName t : tables) {
            b.object(ObjectRef.of(Kind.TABLE, t)).lock(level, ObjectRef.of(Kind.TABLE, t));
        }
    }

    private void explain() {
        c.accept("EXPLAIN");
        if (c.isPunct("(")) {
            c.parenthesized();
        }
        while (c.acceptAny("ANALYZE", "ANALYSE", "VERBOSE") != null) {
            // options before the statement
        }
        b.kind(StatementKind.EXPLAIN);
        addNested(c.rest());
    }

    private void utility(String word) {
        if (word.equals("SECURITY")) {
            b.kind(StatementKind.SECURITY_LABEL);
            return;
        }
        b.kind(StatementKind.UTILITY);
    }

    /** Splits tokens at semicolons (CREATE RULE's action list). */
    private static List<List<Token>> splitSemicolons(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).type() == Type.SEMICOLON) {
                if (i > start) {
                    parts.add(tokens.subList(start, i));
                }
                start = i + 1;
            }
        }
        return parts;
    }
}

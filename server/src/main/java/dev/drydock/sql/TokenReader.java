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
        } catch (RuntimeException | StackOverflowError e) {
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
            case "CREATE" -> CreateReader.create(c, b, this::addNested);
            case "ALTER" -> AlterObjectReader.alter(c, b);
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
    static List<List<Token>> splitSemicolons(List<Token> tokens) {
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

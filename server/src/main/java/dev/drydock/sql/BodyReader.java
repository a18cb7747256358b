package dev.drydock.sql;

import dev.drydock.DrydockException;
import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the SQL statements inside a {@code DO} block or a routine body, so that a {@code DROP
 * TABLE} in a function is seen like any other. PL/pgSQL control structure is stripped; an
 * {@code EXECUTE} of anything but a constant string is dynamic SQL and cannot be analysed.
 */
final class BodyReader {
    private static final Set<String> SQL_STARTS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH",
            "CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT", "REVOKE", "COMMENT", "COPY", "LOCK", "VACUUM", "ANALYZE",
            "REINDEX", "CLUSTER", "REFRESH", "SET", "RESET", "CALL", "NOTIFY", "COMMIT", "ROLLBACK", "VALUES",
            "IMPORT", "SECURITY", "REASSIGN", "DO", "LISTEN", "DISCARD");
    private static final int MAX_DEPTH = 8;

    private BodyReader() {
    }

    /** Analyses the body in {@code bodyToken} (a string or dollar-quoted literal) into {@code b.nested}. */
    static void read(String language, Token bodyToken, StatementBuilder b) {
        String lang = language == null ? "sql" : language.toLowerCase(Locale.ROOT);
        if (lang.equals("c") || lang.equals("internal")) {
            return; // the body names a compiled symbol, not code
        }
        if (!lang.equals("plpgsql") && !lang.equals("sql")) {
            // plv8, plpython3u, plperl…: code that can run any SQL, which Drydock cannot read
            b.dynamicSql = true;
            b.note = "its " + lang + " body cannot be analysed";
            return;
        }
        String source = Identifiers.stringValue(bodyToken);
        int delimiter = bodyToken.type() == Type.DOLLAR_STRING ? bodyToken.text().indexOf('$', 1) + 1
                : bodyToken.text().indexOf('\'') + 1;
        List<Token> tokens;
        try {
            tokens = rebase(Lexer.tokenize(source), bodyToken.line(), bodyToken.column() + delimiter);
        } catch (DrydockException e) {
            b.unreadable = true;
            b.note = "its " + lang + " body could not be read: " + e.getMessage();
            return;
        }
        if (b.depth >= MAX_DEPTH) {
            b.unreadable = true;
            b.note = "bodies nested more than " + MAX_DEPTH + " deep";
            return;
        }
        for (List<Token> fragment : fragments(tokens)) {
            if (lang.equals("plpgsql")) {
                plpgsql(fragment, source, b);
            } else {
                statement(fragment, source, b);
            }
        }
    }

    /** A SQL-standard body: {@code BEGIN ATOMIC stmt; … END} or {@code RETURN expr}, at the cursor. */
    static void readAtomic(Cursor c, StatementBuilder b) {
        List<Token> rest = new ArrayList<>(c.rest());
        if (!rest.isEmpty() && rest.get(rest.size() - 1).isWord("END")) {
            rest.remove(rest.size() - 1);
        }
        for (List<Token> fragment : fragments(rest)) {
            statement(fragment, b.statement.text(), b, b.statement.start());
        }
    }

    private static void plpgsql(List<Token> fragment, String source, StatementBuilder b) {
        Cursor c = new Cursor(fragment);
        stripControl(c, source, b);
        if (c.atEnd()) {
            return;
        }
        if (c.accept("EXECUTE")) {
            execute(c.rest(), b);
            return;
        }
        if (c.accept("PERFORM")) {
            return;
        }
        String word = c.peek().upperWord();
        if (word != null && SQL_STARTS.contains(word) && !isAssignment(c)) {
            statement(c.rest(), source, b);
        }
    }

    /**
     * EXECUTE of a constant string is analysed as SQL; of anything else (a string built at run
     * time) it is dynamic SQL. {@code tokens} follow the word EXECUTE.
     */
    private static void execute(List<Token> tokens, StatementBuilder b) {
        Token literal = tokens.isEmpty() ? null : tokens.get(0);
        Token after = tokens.size() > 1 ? tokens.get(1) : null;
        boolean constant = literal != null && (literal.type() == Type.STRING || literal.type() == Type.DOLLAR_STRING)
                && (after == null || after.isWord("INTO") || after.isWord("USING") || after.isWord("LOOP"));
        if (constant) {
            read("sql", literal, b);
        } else {
            b.dynamicSql = true;
        }
    }

    /**
     * Skips labels, block keywords and IF/WHEN headers. Loop headers are read: the query of
     * {@code FOR r IN <query> LOOP} runs, and so does {@code FOR r IN EXECUTE …} and
     * {@code OPEN c FOR EXECUTE …}.
     */
    private static void stripControl(Cursor c, String source, StatementBuilder b) {
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.type() == Type.OPERATOR && t.text().equals("<<")) {
                c.next();
                c.next();
                c.next();
            } else if (c.acceptAny("DECLARE", "BEGIN", "ELSE", "LOOP", "EXCEPTION") != null) {
                // block structure
            } else if (c.is("END")) {
                while (!c.atEnd()) {
                    c.next();
                }
            } else if (c.is("IF") || c.is("ELSIF") || c.is("ELSEIF") || c.is("WHEN")) {
                c.next();
                if (containsExecute(c.skipUntil(false, "THEN"))) {
                    b.dynamicSql = true;
                }
                c.accept("THEN");
            } else if (c.is("FOR") || c.is("FOREACH") || c.is("WHILE")) {
                loopHeader(c, source, b);
            } else if (c.is("CASE")) {
                c.next();
                c.skipUntil(false, "WHEN");
            } else if (c.accept("RETURN", "QUERY")) {
                // the query follows
            } else if (c.is("OPEN")) {
                c.skipUntil(false, "FOR");
                c.accept("FOR");
            } else {
                break;
            }
        }
    }

    private static void loopHeader(Cursor c, String source, StatementBuilder b) {
        c.next();
        List<Token> header = c.skipUntil(false, "LOOP");
        c.accept("LOOP");
        Cursor h = new Cursor(header);
        h.skipUntil(false, "IN");
        if (!h.accept("IN")) {
            return;
        }
        h.accept("REVERSE");
        if (h.accept("EXECUTE")) {
            execute(h.rest(), b);
        } else if (h.peek() != null && h.peek().upperWord() != null && SQL_STARTS.contains(h.peek().upperWord())) {
            statement(h.rest(), source, b);
        } else if (containsExecute(h.rest())) {
            b.dynamicSql = true;
        }
    }

    private static boolean containsExecute(List<Token> tokens) {
        return tokens.stream().anyMatch(t -> t.isWord("EXECUTE"));
    }

    /** {@code set := …} is a PL/pgSQL assignment to a variable that happens to share a keyword's name. */
    private static boolean isAssignment(Cursor c) {
        Token next = c.peek(1);
        return next != null && (next.text().equals(":=") || next.text().equals("=") && !c.is("SET"));
    }

    private static void statement(List<Token> tokens, String source, StatementBuilder b) {
        statement(tokens, source, b, 0);
    }

    private static void statement(List<Token> tokens, String source, StatementBuilder b, int offset) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        int from = first.start() - offset;
        int to = last.end() - offset;
        String text = from >= 0 && to <= source.length() && from <= to ? source.substring(from, to) : Cursor.text(tokens);
        SqlStatement s = new SqlStatement(b.statement.index(), text, first.start(), last.end(), first.line(),
                first.column(), tokens);
        b.nested.add(TokenReader.read(s, tokens, b.depth + 1));
    }

    /** Splits significant tokens at semicolons outside parentheses. */
    private static List<List<Token>> fragments(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (!t.significant()) {
                continue;
            }
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth = Math.max(0, depth - 1);
            }
            if (t.type() == Type.SEMICOLON && depth == 0) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static List<Token> rebase(List<Token> tokens, int line, int column) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            int l = line + t.line() - 1;
            int col = t.line() == 1 ? column + t.column() - 1 : t.column();
            out.add(new Token(t.type(), t.text(), t.start(), t.end(), l, col));
        }
        return out;
    }
}

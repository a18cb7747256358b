package dev.drydock.sql;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a script into statements as psql does: a semicolon ends a statement only outside
 * quotes, comments, parentheses and the {@code BEGIN ATOMIC … END} body of a SQL-standard
 * function. Never merges, drops or truncates a statement; a script of only comments has none.
 */
public final class Splitter {
    private Splitter() {
    }

    public static List<SqlStatement> split(String sql) {
        return split(sql, true);
    }

    /** Splits as a server with the given {@code standard_conforming_strings} reads the script. */
    public static List<SqlStatement> split(String sql, boolean standardConformingStrings) {
        return split(Lexer.tokenize(sql, standardConformingStrings), sql, null);
    }

    /**
     * Splits without throwing, for validation: unterminated quotes and psql meta-commands become
     * {@code problems} with their line, and splitting goes on so that every other statement is seen.
     */
    public static List<SqlStatement> splitLenient(String sql, List<ScriptProblem> problems) {
        List<SqlStatement> statements = split(Lexer.tokenizeLenient(sql, problems), sql, problems);
        problems.sort(Comparator.comparingInt(ScriptProblem::line));
        return statements;
    }

    /** With {@code problems} null a meta-command throws; otherwise it is recorded and ends the statement before it. */
    private static List<SqlStatement> split(List<Token> tokens, String sql, List<ScriptProblem> problems) {
        List<SqlStatement> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        BodyTracker body = new BodyTracker();
        for (Token token : tokens) {
            boolean meta = token.type() == Type.META_COMMAND;
            if (meta) {
                String message = "psql meta-command `" + token.text().strip() + "` on line " + token.line()
                        + " is not SQL; Drydock runs SQL only.";
                String hint = "Remove the meta-command; inline what it would include or set.";
                if (problems == null) {
                    throw new DrydockException(ErrorCode.SQL_SYNTAX, message, hint);
                }
                problems.add(new ScriptProblem(token.line(), message, hint));
            }
            if (meta || token.type() == Type.SEMICOLON && body.atTopLevel()) {
                add(statements, current, sql);
                current = new ArrayList<>();
                body = new BodyTracker();
                continue;
            }
            body.accept(token);
            current.add(token);
        }
        add(statements, current, sql);
        return statements;
    }

    /**
     * The statements as the Supabase CLI stores them in
     * {@code supabase_migrations.schema_migrations.statements}: every {@code ;}-terminated segment,
     * semicolon removed and surrounding white space stripped, leading comments kept, and a segment
     * of only comments kept too. Comparing these with the history is how drift is found.
     */
    public static List<String> supabaseStatements(String sql) {
        List<String> out = new ArrayList<>();
        int segmentStart = 0;
        BodyTracker body = new BodyTracker();
        for (Token token : Lexer.tokenize(sql)) {
            if (token.type() == Type.SEMICOLON && body.atTopLevel()) {
                addTrimmed(out, sql.substring(segmentStart, token.start()));
                segmentStart = token.end();
                body = new BodyTracker();
            } else {
                body.accept(token);
            }
        }
        addTrimmed(out, sql.substring(segmentStart));
        return out;
    }

    private static void addTrimmed(List<String> out, String segment) {
        String trimmed = segment.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }

    private static void add(List<SqlStatement> statements, List<Token> tokens, String sql) {
        int first = firstNonWhitespace(tokens);
        int last = lastSignificant(tokens);
        if (last < 0) {
            return;
        }
        List<Token> kept = tokens.subList(first, last + 1);
        Token head = kept.get(0);
        Token tail = kept.get(kept.size() - 1);
        int byteStart = utf8Length(sql, 0, head.start(), statements);
        int byteEnd = byteStart + utf8Length(sql, head.start(), tail.end());
        statements.add(new SqlStatement(statements.size(), sql.substring(head.start(), tail.end()),
                head.start(), tail.end(), head.line(), head.column(), kept, byteStart, byteEnd));
    }

    /** Byte offset of {@code to}, counted on from the previous statement's end so a script is walked once. */
    private static int utf8Length(String sql, int from, int to, List<SqlStatement> before) {
        if (before.isEmpty()) {
            return utf8Length(sql, from, to);
        }
        SqlStatement previous = before.get(before.size() - 1);
        return previous.byteEnd() + utf8Length(sql, previous.end(), to);
    }

    static int utf8Length(String s, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static int firstNonWhitespace(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).type() != Type.WHITESPACE) {
                return i;
            }
        }
        return tokens.size();
    }

    private static int lastSignificant(List<Token> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).significant()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Tracks parentheses and, in CREATE FUNCTION/PROCEDURE, the {@code BEGIN ATOMIC … END} body
     * (with the CASE … END inside it). Only BEGIN followed by ATOMIC, outside parentheses, opens
     * a body: a routine or parameter named {@code begin} must not swallow the next statement.
     */
    private static final class BodyTracker {
        private int parens;
        private int blocks;
        private int words;
        private boolean routine;
        private boolean sawCreate;
        private boolean pendingBegin;

        void accept(Token token) {
            if (!token.significant()) {
                return;
            }
            boolean begin = pendingBegin;
            pendingBegin = false;
            if (token.isPunct("(")) {
                parens++;
            } else if (token.isPunct(")")) {
                parens = Math.max(0, parens - 1);
            } else if (token.type() == Type.WORD) {
                word(token, begin);
            }
        }

        private void word(Token word, boolean afterBegin) {
            words++;
            if (words == 1) {
                sawCreate = word.isWord("CREATE");
            } else if (sawCreate && words <= 4 && (word.isWord("FUNCTION") || word.isWord("PROCEDURE"))) {
                routine = true;
            }
            if (!routine) {
                return;
            }
            if (afterBegin && word.isWord("ATOMIC") && parens == 0) {
                blocks++;
            } else if (word.isWord("BEGIN") && parens == 0 && blocks == 0) {
                pendingBegin = true;
            } else if (blocks > 0 && word.isWord("CASE")) {
                blocks++;
            } else if (blocks > 0 && word.isWord("END")) {
                blocks--;
            }
        }

        boolean atTopLevel() {
            return parens == 0 && blocks == 0;
        }
    }
}

package dev.drydock.sql;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises PostgreSQL script text the way the server and psql read it: standard-conforming
 * strings, {@code E''} strings with backslash escapes, {@code U&} strings and identifiers,
 * dollar quotes with or without tags, {@code --} comments and nested block comments. The tokens
 * cover the input exactly: concatenating their texts gives the script back.
 */
public final class Lexer {
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String src;
    private final boolean standardConformingStrings;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** When not null, unterminated tokens are recorded here and run to the end instead of throwing. */
    private final List<ScriptProblem> problems;

    private Lexer(String src, boolean standardConformingStrings, List<ScriptProblem> problems) {
        this.src = src;
        this.standardConformingStrings = standardConformingStrings;
        this.problems = problems;
    }

    public static List<Token> tokenize(String sql) {
        return tokenize(sql, true);
    }

    /**
     * @param standardConformingStrings the server's setting: when off, a backslash escapes the next
     *                                  character in plain {@code '…'} strings too, as the server reads them
     */
    public static List<Token> tokenize(String sql, boolean standardConformingStrings) {
        return new Lexer(sql, standardConformingStrings, null).run();
    }

    /** Tokenises without throwing: an unterminated token runs to the end and is added to {@code problems}. */
    static List<Token> tokenizeLenient(String sql, List<ScriptProblem> problems) {
        return new Lexer(sql, true, problems).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (pos < src.length()) {
            int start = pos;
            int startLine = line;
            int startColumn = pos - lineStart + 1;
            Type type = next();
            tokens.add(new Token(type, src.substring(start, pos), start, pos, startLine, startColumn));
        }
        return tokens;
    }

    private Type next() {
        char c = src.charAt(pos);
        if (isSpace(c)) {
            while (pos < src.length() && isSpace(src.charAt(pos))) {
                advance();
            }
            return Type.WHITESPACE;
        }
        if (c == '-' && peek(1) == '-') {
            // PostgreSQL and pgjdbc end a line comment at \r as well as \n: so must we, or a
            // statement hidden after "--\r" would reach the server unseen.
            while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                pos++;
            }
            return Type.LINE_COMMENT;
        }
        if (c == '/' && peek(1) == '*') {
            blockComment();
            return Type.BLOCK_COMMENT;
        }
        if (c == '\'') {
            quoted('\'', !standardConformingStrings);
            return Type.STRING;
        }
        if (c == '"') {
            quoted('"', false);
            return Type.QUOTED_IDENT;
        }
        if ((c == 'E' || c == 'e') && peek(1) == '\'') {
            pos++;
            quoted('\'', true);
            return Type.STRING;
        }
        if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char quote = peek(2);
            pos += 2;
            quoted(quote, false);
            return quote == '"' ? Type.QUOTED_IDENT : Type.STRING;
        }
        if ("BbXxNn".indexOf(c) >= 0 && peek(1) == '\'') {
            pos++;
            quoted('\'', !standardConformingStrings && (c == 'N' || c == 'n'));
            return Type.STRING;
        }
        if (c == '$') {
            return dollar();
        }
        if (c == '\\') {
            while (pos < src.length() && src.charAt(pos) != '\n') {
                pos++;
            }
            return Type.META_COMMAND;
        }
        if (isIdentStart(c)) {
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            return Type.WORD;
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            number();
            return Type.NUMBER;
        }
        if (c == ';') {
            pos++;
            return Type.SEMICOLON;
        }
        if (c == ':' && peek(1) == ':') {
            pos += 2;
            return Type.PUNCT;
        }
        if ("()[],.:".indexOf(c) >= 0) {
            pos++;
            return Type.PUNCT;
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            operator();
            return Type.OPERATOR;
        }
        pos++;
        return Type.OPERATOR;
    }

    private void blockComment() {
        int depth = 0;
        int startLine = line;
        while (pos < src.length()) {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
        fail("block comment", startLine);
    }

    /** Reads a quoted string or identifier; the opening quote is at {@code pos}. */
    private void quoted(char quote, boolean backslashEscapes) {
        int startLine = line;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < src.length()) {
                pos++;
                advance();
            } else if (c == quote) {
                pos++;
                if (pos < src.length() && src.charAt(pos) == quote) {
                    pos++;
                } else {
                    return;
                }
            } else {
                advance();
            }
        }
        fail(quote == '"' ? "quoted identifier" : "string literal", startLine);
    }

    private Type dollar() {
        int startLine = line;
        if (Character.isDigit(peek(1))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
            return Type.PARAM;
        }
        int tagEnd = pos + 1;
        if (tagEnd < src.length() && isIdentStart(src.charAt(tagEnd))) {
            while (tagEnd < src.length() && isIdentPart(src.charAt(tagEnd)) && src.charAt(tagEnd) != '$') {
                tagEnd++;
            }
        }
        if (tagEnd >= src.length() || src.charAt(tagEnd) != '$') {
            pos++;
            return Type.OPERATOR;
        }
        String delimiter = src.substring(pos, tagEnd + 1);
        int close = src.indexOf(delimiter, tagEnd + 1);
        if (close < 0) {
            fail("dollar-quoted string " + delimiter, startLine);
            while (pos < src.length()) {
                advance();
            }
            return Type.DOLLAR_STRING;
        }
        while (pos < close + delimiter.length()) {
            advance();
        }
        return Type.DOLLAR_STRING;
    }

    private void number() {
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '.' && pos + 1 < src.length() && src.charAt(pos + 1) != '.')) {
            char c = src.charAt(pos);
            pos++;
            if ((c == 'e' || c == 'E') && pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
        }
    }

    private void operator() {
        while (pos < src.length() && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0) {
            if (src.startsWith("--", pos) || src.startsWith("/*", pos)) {
                return;
            }
            pos++;
        }
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    /** PostgreSQL's whitespace, exactly: any other character (U+2003 included) is not a separator. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || Character.isDigit(c) || c == '$';
    }

    private void fail(String what, int startLine) {
        DrydockException e = unterminated(what, startLine);
        if (problems == null) {
            throw e;
        }
        problems.add(new ScriptProblem(startLine, e.getMessage(), e.hint()));
    }

    private DrydockException unterminated(String what, int startLine) {
        return new DrydockException(ErrorCode.SQL_SYNTAX,
                "Unterminated " + what + " starting on line " + startLine + ".",
                "Close the " + what + "; everything after it was read as part of it.");
    }
}

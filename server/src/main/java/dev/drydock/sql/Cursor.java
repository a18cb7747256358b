package dev.drydock.sql;

import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Walks the significant tokens of one statement; the token reader's only way to look at SQL. */
final class Cursor {
    private final List<Token> tokens;
    private int pos;

    Cursor(List<Token> significantTokens) {
        this.tokens = significantTokens;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token next() {
        return atEnd() ? null : tokens.get(pos++);
    }

    /** The tokens from {@code from} (inclusive) to the current position (exclusive). */
    List<Token> since(int from) {
        return tokens.subList(from, pos);
    }

    List<Token> rest() {
        return tokens.subList(pos, tokens.size());
    }

    /** True when the next tokens are exactly these unquoted words. */
    boolean is(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean isPunct(String punct) {
        Token t = peek();
        return t != null && t.isPunct(punct);
    }

    /** Consumes the words when they come next. */
    boolean accept(String... words) {
        if (!is(words)) {
            return false;
        }
        pos += words.length;
        return true;
    }

    boolean acceptPunct(String punct) {
        if (!isPunct(punct)) {
            return false;
        }
        pos++;
        return true;
    }

    boolean acceptOperator(String operator) {
        Token t = peek();
        if (t == null || t.type() != Type.OPERATOR || !t.text().equals(operator)) {
            return false;
        }
        pos++;
        return true;
    }

    /** Consumes one of the words and returns it upper-cased, or null. */
    String acceptAny(String... words) {
        for (String w : words) {
            if (accept(w)) {
                return w.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    boolean acceptIfNotExists() {
        return accept("IF", "NOT", "EXISTS");
    }

    boolean acceptIfExists() {
        return accept("IF", "EXISTS");
    }

    /** True when the next token can be an identifier (a word or a quoted identifier). */
    boolean atIdentifier() {
        Token t = peek();
        return t != null && (t.type() == Type.WORD || t.type() == Type.QUOTED_IDENT);
    }

    /** Reads one identifier, normalised; null (nothing consumed) when none comes next. */
    String identifier() {
        if (!atIdentifier()) {
            return null;
        }
        Token t = next();
        if (t.type() == Type.QUOTED_IDENT && t.text().length() > 1 && t.text().charAt(1) == '&' && is("UESCAPE")
                && peek(1) != null && peek(1).type() == Type.STRING) {
            next();
            String escape = Identifiers.stringValue(next());
            return Identifiers.unicodeEscapes(Identifiers.unquote(t.text().substring(2), '"'),
                    escape == null || escape.length() != 1 ? '\\' : escape.charAt(0));
        }
        return Identifiers.normalize(t);
    }

    /** Reads {@code a}, {@code a.b} or {@code a.b.c} (the last two parts kept); null when none. */
    QualifiedName qualifiedName() {
        List<String> parts = new ArrayList<>();
        String first = identifier();
        if (first == null) {
            return null;
        }
        parts.add(first);
        while (isPunct(".") && peek(1) != null
                && (peek(1).type() == Type.WORD || peek(1).type() == Type.QUOTED_IDENT)) {
            pos++;
            parts.add(identifier());
        }
        int n = parts.size();
        return n == 1 ? new QualifiedName(null, parts.get(0)) : new QualifiedName(parts.get(n - 2), parts.get(n - 1));
    }

    /** Reads a comma-separated list of qualified names. */
    List<QualifiedName> qualifiedNames() {
        List<QualifiedName> names = new ArrayList<>();
        do {
            accept("ONLY");
            QualifiedName name = qualifiedName();
            if (name == null) {
                break;
            }
            names.add(name);
            acceptOperator("*");
        } while (acceptPunct(","));
        return names;
    }

    /** At {@code (}: returns the tokens inside the matching parentheses and moves past them. */
    List<Token> parenthesized() {
        if (!isPunct("(")) {
            return List.of();
        }
        int start = ++pos;
        int depth = 1;
        while (!atEnd()) {
            Token t = next();
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")") && --depth == 0) {
                return tokens.subList(start, pos - 1);
            }
        }
        return tokens.subList(start, pos);
    }

    /**
     * Moves to the next token at parenthesis depth 0 that is one of the words (or a comma when
     * {@code stopAtComma}), without consuming it; returns the tokens skipped.
     */
    List<Token> skipUntil(boolean stopAtComma, String... words) {
        int start = pos;
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && (stopAtComma && t.isPunct(",") || isAnyWord(t, words))) {
                break;
            }
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if ((t.isPunct(")") || t.isPunct("]")) && depth > 0) {
                depth--;
            }
            pos++;
        }
        return tokens.subList(start, pos);
    }

    private static boolean isAnyWord(Token t, String... words) {
        for (String w : words) {
            if (t.isWord(w)) {
                return true;
            }
        }
        return false;
    }

    /** Splits tokens at depth-0 commas. */
    static List<List<Token>> splitCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if (t.isPunct(")") || t.isPunct("]")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && t.isPunct(",")) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return parts;
    }

    /** The source text covered by the tokens, single-spaced (for messages and type names). */
    static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        Token prev = null;
        for (Token t : tokens) {
            if (prev != null && needsSpace(prev, t)) {
                sb.append(' ');
            }
            sb.append(t.text());
            prev = t;
        }
        return sb.toString();
    }

    private static boolean needsSpace(Token prev, Token t) {
        if (t.isPunct(")") || t.isPunct(",") || t.isPunct(".") || t.isPunct("::") || t.isPunct("]")) {
            return false;
        }
        if (prev.isPunct("(") || prev.isPunct(".") || prev.isPunct("::") || prev.isPunct("[")) {
            return false;
        }
        return !(t.isPunct("(") && (prev.type() == Type.WORD || prev.type() == Type.QUOTED_IDENT));
    }
}

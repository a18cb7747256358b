package dev.drydock.sql;

import java.util.Locale;

/**
 * One lexical token of a PostgreSQL script. Offsets are char indexes into the script; line and
 * column are 1-based.
 */
public record Token(Type type, String text, int start, int end, int line, int column) {

    public enum Type {
        WHITESPACE, LINE_COMMENT, BLOCK_COMMENT,
        /** An unquoted identifier or keyword. */
        WORD,
        /** {@code "ident"} or {@code U&"ident"}. */
        QUOTED_IDENT,
        /** {@code 'x'}, {@code E'x'}, {@code U&'x'}, {@code B'0'}, {@code X'ff'}, {@code N'x'}. */
        STRING,
        /** {@code $$x$$} or {@code $tag$x$tag$}. */
        DOLLAR_STRING,
        NUMBER,
        /** A positional parameter such as {@code $1}. */
        PARAM,
        OPERATOR,
        /** {@code ( ) [ ] , . : ::}. */
        PUNCT,
        SEMICOLON,
        /** A psql meta-command such as {@code \i file}; never SQL. */
        META_COMMAND
    }

    /** True for tokens that carry meaning: not whitespace and not a comment. */
    public boolean significant() {
        return type != Type.WHITESPACE && type != Type.LINE_COMMENT && type != Type.BLOCK_COMMENT;
    }

    /** True when this is the unquoted word {@code keyword}, compared case-insensitively. */
    public boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isPunct(String punct) {
        return type == Type.PUNCT && text.equals(punct);
    }

    /** The word in upper case ({@link Locale#ROOT}), or null when this is not a word. */
    public String upperWord() {
        return type == Type.WORD ? text.toUpperCase(Locale.ROOT) : null;
    }
}

package dev.drydock.sql;

import dev.drydock.sql.Token.Type;

import java.util.Locale;
import java.util.Set;

/**
 * Turns identifier and string tokens into the names and values PostgreSQL reads from them, and
 * back: the one place where Drydock quotes names and values for SQL it writes.
 */
public final class Identifiers {
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated silently. */
    public static final int MAX_BYTES = 63;

    /** PostgreSQL 17's reserved key words and those that cannot name a table or type unquoted (catcode R and T). */
    private static final Set<String> NEEDS_QUOTES = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
            "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
            "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading",
            "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
            "primary", "references", "returning", "select", "session_user", "some", "symmetric", "system_user", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window",
            "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right",
            "similar", "tablesample", "verbose");

    private Identifiers() {
    }

    /** A word folded to lower case; a quoted identifier unquoted, with {@code U&} escapes resolved. */
    public static String normalize(Token token) {
        String text = token.text();
        if (token.type() == Type.WORD) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (token.type() != Type.QUOTED_IDENT) {
            return text;
        }
        if (text.length() > 2 && (text.charAt(0) == 'U' || text.charAt(0) == 'u') && text.charAt(1) == '&') {
            return unicodeEscapes(unquote(text.substring(2), '"'));
        }
        return unquote(text, '"');
    }

    /** The content of a quoted token with doubled quotes collapsed. */
    static String unquote(String text, char quote) {
        if (text.length() < 2) {
            return text;
        }
        String doubled = String.valueOf(quote) + quote;
        return text.substring(1, text.length() - 1).replace(doubled, String.valueOf(quote));
    }

    /** Resolves {@code \XXXX} and {@code \+XXXXXX} escapes (the default UESCAPE character). */
    static String unicodeEscapes(String s) {
        return unicodeEscapes(s, '\\');
    }

    /** Resolves Unicode escapes introduced by {@code escape} (a UESCAPE clause names another character). */
    static String unicodeEscapes(String s, char escape) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == escape && i + 1 < s.length() && s.charAt(i + 1) == escape) {
                out.append(escape);
                i++;
            } else if (c == escape && i + 5 <= s.length() && isHex(s, i + 1, 4)) {
                out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else if (c == escape && i + 8 <= s.length() && s.charAt(i + 1) == '+' && isHex(s, i + 2, 6)) {
                out.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 8), 16));
                i += 7;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of a string literal token ({@code 'x'}, {@code E'x'}, {@code $$x$$}…), or null. */
    public static String stringValue(Token token) {
        String text = token.text();
        if (token.type() == Type.DOLLAR_STRING) {
            int open = text.indexOf('$', 1) + 1;
            return text.substring(open, text.length() - open);
        }
        if (token.type() != Type.STRING) {
            return null;
        }
        char first = Character.toUpperCase(text.charAt(0));
        if (first == 'E') {
            return backslashEscapes(unquote(text.substring(1), '\''));
        }
        if (first == 'U' && text.length() > 2 && text.charAt(1) == '&') {
            return unicodeEscapes(unquote(text.substring(2), '\''));
        }
        if (first == '\'') {
            return unquote(text, '\'');
        }
        return unquote(text.substring(1), '\'');
    }

    private static String backslashEscapes(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    /** {@code name} as an SQL identifier: as it is when PostgreSQL reads it back unchanged, else double-quoted. */
    public static String quote(String name) {
        if (plain(name) && !NEEDS_QUOTES.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name} quoted part by part; just the name when {@code schema} is null. */
    public static String quote(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** {@code value} as a standard SQL string literal (quotes doubled; backslashes are plain characters). */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean plain(String name) {
        if (name.isEmpty() || !(name.charAt(0) == '_' || name.charAt(0) >= 'a' && name.charAt(0) <= 'z')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}

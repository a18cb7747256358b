package dev.drydock.sql;

import dev.drydock.sql.Token.Type;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement as JSqlParser needs to see it to classify it: every word JSqlParser's lexer knows as
 * a keyword kept, every other name replaced by {@code x}, every literal by a literal of the same
 * kind. JSqlParser's token sequence, and so its parse, is the same for the statement and its shape;
 * statements that differ only in names and values share one shape and are parsed once.
 */
final class StatementShape {
    /** PostgreSQL's key words (pg_get_keywords()): JSqlParser recognises some of them by their text. */
    private static final Set<String> PG_KEYWORDS = pgKeywords();
    private static final int MAX_WORDS = 100_000;

    /** Words as written → their shape: upper case when kept (a PostgreSQL key word or JSqlParser keyword), else x. */
    private final Map<String, String> words = new ConcurrentHashMap<>();

    String of(List<Token> significantTokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : significantTokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(shape(t));
        }
        return sb.toString();
    }

    private String shape(Token t) {
        String text = t.text();
        return switch (t.type()) {
            case WORD -> {
                // keyed by the text as written, so the common case allocates nothing
                String kept = words.get(text);
                if (kept == null) {
                    String upper = text.toUpperCase(Locale.ROOT);
                    kept = PG_KEYWORDS.contains(upper) || isKeyword(upper) ? upper : "x";
                    if (words.size() < MAX_WORDS) {
                        words.put(text, kept);
                    }
                }
                yield kept;
            }
            case QUOTED_IDENT -> "\"x\"";
            case STRING -> stringShape(text);
            case DOLLAR_STRING -> "$$s$$";
            case NUMBER -> text.indexOf('.') >= 0 || (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)
                    && !text.startsWith("0x") && !text.startsWith("0X") ? "1.0" : "1";
            default -> text;
        };
    }

    private static String stringShape(String text) {
        char first = Character.toUpperCase(text.charAt(0));
        return switch (first) {
            case 'E' -> "E's'";
            case 'U' -> "U&'s'";
            case 'B' -> "B'0'";
            case 'X' -> "X'0'";
            case 'N' -> "N's'";
            default -> "'s'";
        };
    }

    private static Set<String> pgKeywords() {
        try (InputStream in = StatementShape.class.getResourceAsStream("pg-keywords.txt")) {
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("pg-keywords.txt is missing from the jar", e);
        }
    }

    /** Asks JSqlParser's own lexer: a word it does not read as a plain identifier is a keyword. */
    private static boolean isKeyword(String word) {
        try {
            CCJSqlParserTokenManager lexer = new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(word)));
            net.sf.jsqlparser.parser.Token t = lexer.getNextToken();
            return t.kind != CCJSqlParserConstants.S_IDENTIFIER || !t.image.equals(word);
        } catch (RuntimeException | Error e) {
            return true; // keep what JSqlParser's lexer cannot even read
        }
    }
}

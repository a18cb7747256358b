package dev.drydock.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets before anything leaves Drydock. Two strengths:
 * <ul>
 *   <li>{@link #redactSecrets}: the passwords and tokens Drydock was configured with (raw and
 *       URL-encoded), wherever they stand as a whole token — applied to everything, data included;</li>
 *   <li>{@link #redact}: that, plus anything shaped like a credential (a URL's password,
 *       {@code password=…}, {@code PASSWORD '…'}, a bearer token) — applied to messages, errors and
 *       logs, never to rows read from the database, which must come back as stored.</li>
 * </ul>
 */
public final class Redactor {
    public static final String MASK = "***";

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]+:)[^@\\s]+@");
    private static final Pattern KEY_VALUE_PASSWORD = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|token|secret|apikey|api_key)(\\s*[=:]\\s*)('[^']*'|\"[^\"]*\"|[^\\s&;,\"']+)");
    private static final Pattern PASSWORD_CLAUSE = Pattern.compile("(?i)\\b(password\\s+)('(?:[^']|'')*')");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private final List<Pattern> secrets;

    public Redactor(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.length() >= 3) {
                all.add(s);
                all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            }
        }
        this.secrets = all.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(s -> Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(s) + "(?![\\p{Alnum}_])"))
                .toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** Masks the configured secrets only: safe for data, which is otherwise left as stored. */
    public String redactSecrets(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern secret : secrets) {
            out = secret.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** Masks the configured secrets and anything shaped like a credential: for messages and logs. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = redactSecrets(text);
        out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
        out = PASSWORD_CLAUSE.matcher(out).replaceAll("$1'" + MASK + "'");
        out = KEY_VALUE_PASSWORD.matcher(out).replaceAll("$1$2" + MASK);
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }

    /** A throwable's stack trace for stderr, with every message in the cause chain redacted. */
    public String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            out.append(cur == t ? "" : "Caused by: ").append(cur.getClass().getName()).append(": ")
                    .append(redact(String.valueOf(cur.getMessage()))).append('\n');
            for (StackTraceElement e : cur.getStackTrace()) {
                out.append("\tat ").append(e).append('\n');
            }
        }
        return out.toString();
    }
}

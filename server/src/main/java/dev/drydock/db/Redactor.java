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
 * Removes secrets from any text before it leaves Drydock: the passwords and tokens it was
 * configured with (raw and URL-encoded), and anything shaped like a credential in a URL or a
 * connection string. Every tool result, error text and log line passes through one of these.
 */
public final class Redactor {
    public static final String MASK = "***";

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^:/@\\s]+:)[^@\\s]+@");
    private static final Pattern KEY_VALUE_PASSWORD = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|token|secret|apikey|api_key)(\\s*[=:]\\s*)('[^']*'|\"[^\"]*\"|[^\\s&;,]+)");
    private static final Pattern PASSWORD_CLAUSE = Pattern.compile("(?i)\\b(password\\s+)('(?:[^']|'')*')");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.length() >= 3) {
                all.add(s);
                all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            }
        }
        this.secrets = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
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

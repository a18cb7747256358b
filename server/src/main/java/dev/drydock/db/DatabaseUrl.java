package dev.drydock.db;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A PostgreSQL connection address with the credentials held apart, so that the JDBC URL and
 * every rendering of it are free of secrets. Accepts what Supabase shows
 * ({@code postgres://user:pass@host:port/db?sslmode=require}, also {@code postgresql://}) and
 * JDBC URLs ({@code jdbc:postgresql://host:port/db?user=…&password=…}).
 *
 * @param hosts    {@code host:port} or a comma-separated list of them, as pgjdbc accepts
 * @param params   query parameters other than user and password, in their given order
 */
public record DatabaseUrl(String hosts, String database, String user, String password, Map<String, String> params) {

    public DatabaseUrl {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("it is empty");
        }
        String text = raw.strip();
        String rest;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = text.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = text.substring("postgres://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = text.substring("postgresql://".length());
        } else {
            throw invalid("it does not start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        int slash = rest.indexOf('/');
        String hosts = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? decode(rest.substring(slash + 1)) : "";
        if (hosts.isEmpty()) {
            throw invalid("it names no host");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            switch (key) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> params.put(key, value);
            }
        }
        return new DatabaseUrl(hosts, database.isEmpty() ? "postgres" : database, user, password, params);
    }

    /** The JDBC URL without user, password or any other secret parameter; those go in {@link #credentials()}. */
    public String jdbcUrl() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> {
            if (!isSecret(k)) {
                query.add(k + "=" + v);
            }
        });
        return "jdbc:postgresql://" + hosts + "/" + database + query;
    }

    /** Every secret this address carries: the password and parameters such as {@code sslpassword}. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        if (password != null) {
            out.add(password);
        }
        params.forEach((k, v) -> {
            if (isSecret(k)) {
                out.add(v);
            }
        });
        return out;
    }

    private static boolean isSecret(String key) {
        return key.toLowerCase(Locale.ROOT).contains("password");
    }

    public Properties credentials() {
        Properties props = new Properties();
        params.forEach((k, v) -> {
            if (isSecret(k)) {
                props.setProperty(k, v);
            }
        });
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return props;
    }

    /** The address as a user would write it, with the password replaced by {@code ***}. */
    public String redacted() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> query.add(k + "=" + (isSecret(k) ? "***" : v)));
        String userInfo = user == null ? "" : user + (password == null ? "" : ":***") + "@";
        return "postgres://" + userInfo + hosts + "/" + database + query;
    }

    /** Same server and database, whatever the credentials: used to keep branches off protected targets. */
    public boolean sameDatabase(DatabaseUrl other) {
        return hosts.equalsIgnoreCase(other.hosts) && database.equals(other.database);
    }

    public DatabaseUrl withDatabase(String name) {
        return new DatabaseUrl(hosts, name, user, password, params);
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static DrydockException invalid(String why) {
        return new DrydockException(ErrorCode.CONFIG_INVALID, "Invalid database URL: " + why + ".",
                "Use postgres://USER@HOST:5432/DB?sslmode=require with the password after the user as "
                        + "USER:PASSWORD@ (as Supabase shows it), or jdbc:postgresql://HOST:5432/DB.");
    }
}

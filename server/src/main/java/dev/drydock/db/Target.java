package dev.drydock.db;

/**
 * A database the user owns, as configured. {@code url} is null for the embedded PostgreSQL,
 * whose address is only known once it has started.
 *
 * @param readUrl optional address of a role with read-only grants, used by execute_sql
 */
public record Target(String name, DatabaseUrl url, DatabaseUrl readUrl, boolean isProtected) {

    public static final String EMBEDDED_NAME = "local";

    public static Target embeddedLocal() {
        return new Target(EMBEDDED_NAME, null, null, false);
    }

    public boolean isEmbedded() {
        return url == null;
    }
}

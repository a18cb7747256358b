package dev.drydock.branch;

import dev.drydock.migrate.ProjectLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What Supabase migrations expect on vanilla PostgreSQL: API roles, the auth, extensions,
 * storage and graphql_public schemas, {@code auth.users}, {@code auth.uid()/role()/jwt()/email()} and
 * the {@code supabase_realtime} publication. The SQL is idempotent.
 */
public final class SupabaseCompat {
    public static final String RESOURCE = "supabase-compat.sql";

    private SupabaseCompat() {
    }

    /** The layer for a project that needs it (a Supabase project), else null. */
    public static String preamble(ProjectLayout layout) {
        return layout.isSupabase() ? sql() : null;
    }

    public static String sql() {
        try (InputStream in = SupabaseCompat.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

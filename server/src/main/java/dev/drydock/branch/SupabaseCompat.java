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

    /**
     * Gives {@code role} (the agent role migrations run as) what the layer created for them to
     * build on: the schemas, {@code auth.users} and its functions, the realtime publication. The
     * extensions stay the administrator's; their functions are usable by everyone.
     */
    static String handOver(String role) {
        String r = dev.drydock.sql.Identifiers.quote(role);
        return String.join(";\n",
                "ALTER SCHEMA auth OWNER TO " + r,
                "ALTER SCHEMA storage OWNER TO " + r,
                "ALTER SCHEMA graphql_public OWNER TO " + r,
                "ALTER SCHEMA extensions OWNER TO " + r,
                "ALTER TABLE auth.users OWNER TO " + r,
                "ALTER FUNCTION auth.uid() OWNER TO " + r,
                "ALTER FUNCTION auth.role() OWNER TO " + r,
                "ALTER FUNCTION auth.email() OWNER TO " + r,
                "ALTER FUNCTION auth.jwt() OWNER TO " + r,
                "ALTER PUBLICATION supabase_realtime OWNER TO " + r,
                "GRANT anon, authenticated, service_role TO " + r) + ";";
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

package dev.drydock.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Supabase CLI's migration history, {@code supabase_migrations.schema_migrations(version,
 * statements, name)} and {@code supabase_migrations.seed_files(path, hash)}, created and written
 * exactly as the CLI does, so that {@code supabase migration list} agrees with Drydock.
 */
public final class SupabaseHistory {
    private static final List<String> CREATE = List.of(
            "CREATE SCHEMA IF NOT EXISTS supabase_migrations",
            "CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)",
            "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[]",
            "ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text",
            "CREATE TABLE IF NOT EXISTS supabase_migrations.seed_files (path text NOT NULL PRIMARY KEY, hash text NOT NULL)");

    private SupabaseHistory() {
    }

    public static void ensureTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : CREATE) {
                st.execute(sql);
            }
        }
    }

    /** Applied versions in order; empty when the history table does not exist. */
    public static Set<String> appliedVersions(Connection c) throws SQLException {
        Set<String> versions = new LinkedHashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('supabase_migrations.schema_migrations') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return versions;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    public static void insert(Connection c, String version, String name, List<String> statements) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES (?, ?, ?)")) {
            ps.setString(1, version);
            ps.setString(2, name);
            ps.setArray(3, c.createArrayOf("text", statements.toArray()));
            ps.executeUpdate();
        }
    }

    public static boolean seedRecorded(Connection c, String path, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM supabase_migrations.seed_files WHERE path = ? AND hash = ?")) {
            ps.setString(1, path);
            ps.setString(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void recordSeed(Connection c, String path, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO supabase_migrations.seed_files(path, hash) VALUES (?, ?) "
                + "ON CONFLICT (path) DO UPDATE SET hash = EXCLUDED.hash")) {
            ps.setString(1, path);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }
}

package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.branch.SupabaseCompat;
import dev.drydock.db.Redactor;
import dev.drydock.sql.Splitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Brings a new local database to the project's migration head, as {@code supabase start} does:
 * for Supabase projects the compatibility layer first, then each pending migration file in
 * version order in its own transaction together with its history row, then the seed. A marker
 * file records completion; until it exists (a first start, or one that failed half-way) the next
 * start resumes with the versions not yet in the history.
 */
public final class LocalBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(LocalBootstrap.class);

    /**
     * @param applied versions applied by this run
     * @param failure what failed, or null
     */
    public record Outcome(boolean ran, List<String> applied, boolean seeded, String failure) {
        public static Outcome skipped() {
            return new Outcome(false, List.of(), false, null);
        }
    }

    private LocalBootstrap() {
    }

    public static boolean needed(Path marker) {
        return !Files.exists(marker);
    }

    public static Outcome run(Connection c, ProjectLayout layout, Path marker, Redactor redactor) {
        List<String> applied = new ArrayList<>();
        try {
            if (layout.isSupabase()) {
                inTransaction(c, () -> ScriptRunner.run(c, "supabase compatibility layer", SupabaseCompat.sql(),
                        ErrorCode.BOOTSTRAP_FAILED, redactor));
            }
            inTransaction(c, () -> SupabaseHistory.ensureTables(c));
            Set<String> done = SupabaseHistory.appliedVersions(c);
            for (MigrationFile m : layout.migrations()) {
                if (done.contains(m.version())) {
                    continue;
                }
                String sql = Files.readString(m.path(), StandardCharsets.UTF_8);
                inTransaction(c, () -> {
                    ScriptRunner.run(c, m.path().getFileName().toString(), sql, ErrorCode.BOOTSTRAP_FAILED, redactor);
                    SupabaseHistory.insert(c, m.version(), m.name(), Splitter.supabaseStatements(sql));
                });
                applied.add(m.version());
            }
            boolean seeded = seed(c, layout, redactor);
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "bootstrapped\n");
            LOG.info("Local database at migration head: {} migration(s) applied{}", applied.size(),
                    seeded ? ", seed loaded" : "");
            return new Outcome(true, applied, seeded, null);
        } catch (DrydockException e) {
            LOG.error("Bringing the local database to the migration head failed: {}", e.getMessage());
            return new Outcome(true, applied, false, e.getMessage());
        } catch (IOException | SQLException e) {
            String message = redactor.redact(e.getMessage());
            LOG.error("Bringing the local database to the migration head failed: {}", message);
            return new Outcome(true, applied, false, message);
        }
    }

    private static boolean seed(Connection c, ProjectLayout layout, Redactor redactor) throws IOException, SQLException {
        if (layout.seedFile() == null) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(layout.seedFile());
        String path = layout.root().relativize(layout.seedFile()).toString();
        String hash = sha256(bytes);
        if (SupabaseHistory.seedRecorded(c, path, hash)) {
            return false;
        }
        inTransaction(c, () -> {
            ScriptRunner.run(c, path, new String(bytes, StandardCharsets.UTF_8), ErrorCode.BOOTSTRAP_FAILED, redactor);
            SupabaseHistory.recordSeed(c, path, hash);
        });
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}

package dev.drydock.branch;

import dev.drydock.Progress;
import dev.drydock.migrate.Checksums;
import dev.drydock.migrate.HistoryReplay;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.StatementFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Template databases: a project history replayed once into {@code drydock_template_<key>}, where
 * the key is a hash of everything the replay depends on (the compatibility layer, each migration
 * file's bytes, the seed). Branches of the same history are clones of it. A template is built
 * under the name {@code drydock_building_<key>} and renamed when complete, so a crash never leaves
 * a half-built template that looks finished.
 *
 * <p>Cloning a template costs a copy of every block of it, written to WAL and flushed (0.15–2 s
 * for a 17 MB template, depending on the disk): too slow for the next branch. So after each clone
 * a <em>spare</em> clone, {@code drydock_spare_<key>}, is made in the background, and the next
 * branch of the same template is that spare, renamed. {@code CREATE DATABASE} commits at its end,
 * so a spare that exists is complete; its lock ({@code spare:<key>}) makes a branch that arrives
 * while the spare is still being copied wait for it rather than start a second copy.
 */
final class Templates {
    static final String TEMPLATE_PREFIX = "drydock_template_";
    static final String BUILDING_PREFIX = "drydock_building_";
    static final String SPARE_PREFIX = "drydock_spare_";
    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final String FORMAT = "drydock-template-2"; // 2: built and owned by the agent role

    /**
     * @param database  the template (or, when the replay failed, where the half-built database was kept, or null)
     * @param cached    true when it existed already
     * @param failure   the failed statement, or null
     */
    record Build(String database, String key, boolean cached, long millis, StatementFailure failure) {
    }

    private final BranchServer server;
    private final BranchStore store;
    private final Executor background;
    private final Set<String> sparesPending = ConcurrentHashMap.newKeySet();

    /** @param background where spares are copied (one thread is enough; it must not block the caller) */
    Templates(BranchServer server, BranchStore store, Executor background) {
        this.server = server;
        this.store = store;
        this.background = background;
    }

    /** The history entries of {@code files}: version, name and the SHA-256 of each file. */
    static List<Branch.HistoryEntry> history(List<MigrationFile> files) {
        List<Branch.HistoryEntry> out = new ArrayList<>();
        for (MigrationFile m : files) {
            try {
                out.add(new Branch.HistoryEntry(m.version(), m.name(), Checksums.sha256(Files.readAllBytes(m.path()))));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + m.path() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** SHA-256 over a history, entry by entry: equal histories, equal hashes. */
    static String historyHash(List<Branch.HistoryEntry> history) {
        StringBuilder text = new StringBuilder();
        history.forEach(h -> text.append(h.version()).append(' ').append(h.name()).append(' ').append(h.sha256()).append('\n'));
        return Checksums.sha256(text.toString());
    }

    static String key(String preamble, List<Branch.HistoryEntry> history, ProjectLayout layout, boolean seed) {
        String seedHash = "none";
        if (seed && layout.seedFile() != null) {
            try {
                seedHash = Checksums.sha256(Files.readAllBytes(layout.seedFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + layout.seedFile() + ": " + e.getMessage(), e);
            }
        }
        String text = FORMAT + "\n" + (preamble == null ? "none" : Checksums.sha256(preamble)) + "\n" + historyHash(history)
                + "\n" + seedHash;
        return Checksums.sha256(text).substring(0, 20);
    }

    /** The template for this history, built unless cached. Concurrent builders of one key wait for each other. */
    /**
     * @param failedAs where a replay that fails is kept for inspection (renamed to it), or null to drop it
     */
    Build ensure(ProjectLayout layout, List<MigrationFile> files, boolean seed, String preamble, String failedAs,
                 Progress progress) throws SQLException {
        long start = System.nanoTime();
        String key = key(preamble, history(files), layout, seed);
        String template = TEMPLATE_PREFIX + key;
        try (Connection meta = store.connect(); BranchLocks.Held lock = BranchLocks.waitFor(meta, "template:" + key)) {
            if (exists(meta, template)) {
                return new Build(template, key, true, millis(start), null);
            }
            String building = BUILDING_PREFIX + key;
            server.dropDatabase(building);
            server.administer("CREATE DATABASE " + dev.drydock.sql.Identifiers.quote(building) + " OWNER "
                    + BranchServer.AGENT_ROLE + " TEMPLATE template0");
            HistoryReplay.Result replay = null;
            if (preamble != null) {
                // The compatibility layer is Drydock's own SQL: it runs as the administering role (it creates roles
                // and extensions), then hands what migrations build on to the agent role.
                progress.report(0, null, "Supabase compatibility layer");
                try (Connection c = server.connect(building)) {
                    StatementFailure f = HistoryReplay.inTransaction(c, () -> {
                        StatementFailure failed = dev.drydock.migrate.ScriptRunner.execute(c, "supabase compatibility layer",
                                preamble, "branch", server.redactor());
                        if (failed == null) {
                            try (var st = c.createStatement()) {
                                st.execute(SupabaseCompat.handOver(BranchServer.AGENT_ROLE));
                            }
                        }
                        return failed;
                    });
                    if (f != null) {
                        replay = new HistoryReplay.Result(List.of(), false, f);
                    }
                }
            }
            if (replay == null || replay.failure() == null) {
                // The project's files and seed run as the agent role, like everything the agent writes.
                try (Connection c = server.connectAsAgent(building)) {
                    replay = HistoryReplay.run(c, layout, files, seed, "branch", null, progress, server.redactor());
                }
            }
            if (replay.failure() != null) {
                if (failedAs != null) {
                    server.dropDatabase(failedAs);
                    server.renameDatabase(building, failedAs);
                } else {
                    server.dropDatabase(building);
                }
                return new Build(failedAs, key, false, millis(start), replay.failure());
            }
            server.renameDatabase(building, template);
            return new Build(template, key, false, millis(start), null);
        }
    }

    /**
     * Creates {@code database} (which must not exist) as a copy of {@code template}: the spare
     * renamed when one is ready or being made, else a clone. Then makes the next spare in the
     * background. Returns true when a spare was used.
     */
    boolean cloneInto(String template, String database) throws SQLException {
        String key = template.substring(TEMPLATE_PREFIX.length());
        String spare = SPARE_PREFIX + key;
        boolean used;
        try (Connection meta = store.connect(); BranchLocks.Held lock = BranchLocks.waitFor(meta, "spare:" + key)) {
            used = exists(meta, spare);
            if (used) {
                server.renameDatabase(spare, database);
            } else {
                server.cloneDatabase(template, database);
            }
        }
        prepareSpare(template);
        return used;
    }

    /** Makes the spare of {@code template} in the background, unless it exists or is being made. */
    void prepareSpare(String template) {
        String key = template.substring(TEMPLATE_PREFIX.length());
        if (!sparesPending.add(key)) {
            return;
        }
        try {
            background.execute(() -> {
                String spare = SPARE_PREFIX + key;
                try (Connection meta = store.connect(); BranchLocks.Held lock = BranchLocks.waitFor(meta, "spare:" + key)) {
                    if (!exists(meta, spare) && exists(meta, template)) {
                        server.cloneDatabase(template, spare);
                    }
                } catch (SQLException | RuntimeException e) {
                    // Only an optimisation: the next branch clones the template itself.
                    LOG.debug("No spare clone of {}: {}", template, server.redactor().redact(String.valueOf(e.getMessage())));
                } finally {
                    sparesPending.remove(key);
                }
            });
        } catch (RuntimeException rejected) {
            sparesPending.remove(key);
        }
    }

    static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package dev.drydock.migrate;

import dev.drydock.Progress;
import dev.drydock.db.Target;
import dev.drydock.db.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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

    /** @param preamble the Supabase compatibility layer for Supabase projects, else null */
    public static Outcome run(Connection c, ProjectLayout layout, Path marker, String preamble, Redactor redactor) {
        try {
            HistoryReplay.Result r = HistoryReplay.run(c, layout, layout.migrations(), true, Target.EMBEDDED_NAME,
                    preamble, Progress.NONE, redactor);
            if (r.failure() != null) {
                String message = r.failure().describe() + " Fix the file and restart Drydock; the files before it stay applied.";
                LOG.error("Bringing the local database to the migration head failed: {}", message);
                return new Outcome(true, r.applied(), false, message);
            }
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "bootstrapped\n");
            LOG.info("Local database at migration head: {} migration(s) applied{}", r.applied().size(),
                    r.seeded() ? ", seed loaded" : "");
            return new Outcome(true, r.applied(), r.seeded(), null);
        } catch (IOException | SQLException | java.io.UncheckedIOException e) {
            String message = redactor.redact(e.getMessage());
            LOG.error("Bringing the local database to the migration head failed: {}", message);
            return new Outcome(true, List.of(), false, message);
        }
    }
}

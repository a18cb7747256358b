package dev.drydock.branch;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.Progress;
import dev.drydock.lint.ScratchSource;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.ProjectLayout;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scratch clones for validate_sql's dynamic check: one per template, {@code drydock_scratch_<key>},
 * cloned from it on first use and reused. Every use is one transaction that is rolled back, so
 * the clone stays equal to its template; users take turns under an advisory lock (in this or
 * another Drydock on the same branch server). A clone that has gone is cloned again.
 */
public final class ScratchDatabase implements ScratchSource {
    static final String PREFIX = "drydock_scratch_";

    private final Branches branches;
    private final Templates templates;

    public ScratchDatabase(Branches branches) {
        this.branches = branches;
        this.templates = branches.templates();
    }

    @Override
    public Lease lease(List<Path> validated) {
        ProjectLayout layout = branches.layout();
        Set<Path> excluded = validated.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        List<MigrationFile> base = layout.migrations().stream()
                .filter(m -> !excluded.contains(m.path().toAbsolutePath().normalize())).toList();
        Connection meta = null;
        try {
            // The seed is written for the project's head: a history cut short (files under validation left out) goes without it.
            boolean seed = base.size() == layout.migrations().size();
            Templates.Build template = templates.ensure(layout, base, seed, SupabaseCompat.preamble(layout), null,
                    Progress.NONE);
            if (template.failure() != null) {
                throw new DrydockException(ErrorCode.MIGRATION_FAILED, "the project's migration history does not replay: "
                        + template.failure().describe(), "Fix the migration file named above; create_branch shows the same.");
            }
            String database = PREFIX + template.key();
            meta = branches.store().connect();
            BranchLocks.Held lock = BranchLocks.waitFor(meta, "scratch:" + template.key());
            if (!Templates.exists(meta, database)) {
                templates.cloneInto(template.database(), database);
            }
            Connection c = branches.server().connectAsAgent(database);
            c.setAutoCommit(false);
            branches.searchPath(c);
            String head = base.isEmpty() ? "the empty history" : base.get(base.size() - 1).version();
            return new Held(c, meta, lock, "scratch clone of " + head + " (" + database + ")");
        } catch (SQLException e) {
            closeQuietly(meta);
            throw BranchStore.unusable(e, branches.server());
        } catch (RuntimeException e) {
            closeQuietly(meta);
            throw e;
        }
    }

    /** A lent clone: closing rolls back, then gives the lock back. */
    private record Held(Connection connection, Connection meta, BranchLocks.Held lock, String description) implements Lease {
        @Override
        public void close() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // closing the connection rolls back too
            }
            closeQuietly(connection);
            closeQuietly(meta); // ending the session releases the advisory lock
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }
}

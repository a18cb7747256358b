package dev.drydock.lint;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * Where the dynamic check runs: a database equal to the project's migration history, lent for one
 * transaction that is always rolled back. The branch server provides it ({@code ScratchDatabase}).
 */
public interface ScratchSource {

    /**
     * A database holding the project's history less {@code validated} (the files being validated,
     * which must not be applied twice), in an open transaction; throws a {@code DrydockException}
     * when none can be had (the history does not replay, the server is unreachable).
     */
    Lease lease(List<Path> validated);

    /** A lent connection; closing rolls back everything done on it and gives the database back. */
    interface Lease extends AutoCloseable {
        Connection connection();

        /** What the database is, for results: {@code scratch clone of 20240101000000 (drydock_scratch_…)}. */
        String description();

        @Override
        void close();
    }
}

package dev.drydock.branch;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Session-level advisory locks in the metadata database, so that two operations on one branch
 * (or two builds of one template) never interleave, in this Drydock or another one on the same
 * branch server. Released when closed, or when the session ends (a crashed Drydock holds nothing).
 */
final class BranchLocks {
    private static final long BUSY_WAIT_MILLIS = 30_000;

    /** A held lock; closing releases it. */
    record Held(Connection c, String name) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
                ps.setString(1, name);
                ps.execute();
            }
        }
    }

    private BranchLocks() {
    }

    /** Waits as long as it takes (template builds: the waiter then finds the template built). */
    static Held waitFor(Connection meta, String name) throws SQLException {
        try (PreparedStatement ps = meta.prepareStatement("SELECT pg_advisory_lock(hashtextextended(?, 0))")) {
            ps.setString(1, name);
            ps.execute();
        }
        return new Held(meta, name);
    }

    /** Takes the lock of one branch, or fails with {@code BRANCH_BUSY} after 30 seconds. */
    static Held branch(Connection meta, String branch) throws SQLException {
        String name = "branch:" + branch;
        long deadline = System.currentTimeMillis() + BUSY_WAIT_MILLIS;
        while (!tryLock(meta, name)) {
            if (System.currentTimeMillis() > deadline) {
                throw new DrydockException(ErrorCode.BRANCH_BUSY, "Branch '" + branch + "' is busy: another operation on it "
                        + "(in this or another Drydock) has been running for more than 30 seconds.",
                        "Wait for it to finish, then call again.", "list_branches, to see the branch's state");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrydockException(ErrorCode.BRANCH_BUSY, "Interrupted while waiting for branch '" + branch + "'.",
                        "Call again.");
            }
        }
        return new Held(meta, name);
    }

    /** True when nobody holds the lock now (it is taken and released at once). */
    static boolean free(Connection meta, String name) throws SQLException {
        if (!tryLock(meta, name)) {
            return false;
        }
        new Held(meta, name).close();
        return true;
    }

    private static boolean tryLock(Connection meta, String name) throws SQLException {
        try (PreparedStatement ps = meta.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}

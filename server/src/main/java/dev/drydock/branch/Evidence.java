package dev.drydock.branch;

import dev.drydock.migrate.MigrationFile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a passed branch cycle proves: this exact up and rollback (by SHA-256), applied on a
 * branch built from {@code base}, rolled back to the same schema and re-applied to the same schema.
 *
 * @param base       the history before this migration: the branch's base plus its earlier own migrations
 * @param baseSha256 SHA-256 over {@code base}, to compare with a target's applied history in one step
 */
public record Evidence(String version, String name, String up, String rollback, String upSha256, String rollbackSha256,
                       String branch, List<Branch.HistoryEntry> base, String baseSha256, String snapshotBefore,
                       String snapshotAfter, List<Map<String, Object>> steps, Map<String, Long> timings) {
    public Evidence {
        base = List.copyOf(base);
        steps = List.copyOf(steps);
        timings = Map.copyOf(timings);
    }

    /**
     * The {@code baseSha256} that evidence from a branch built from exactly these migration files,
     * in this order, carries: over each file's version, name and SHA-256 of its bytes.
     */
    public static String baseSha256(List<MigrationFile> history) {
        return Templates.historyHash(Templates.history(history));
    }

    /** Evidence as read back for a guard. */
    public record Stored(long id, String version, String branch, List<Branch.HistoryEntry> base, String baseSha256,
                         OffsetDateTime createdAt) {
    }
}

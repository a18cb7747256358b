package dev.drydock.branch;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A branch as Drydock's metadata records it.
 *
 * @param database    the database on the branch server
 * @param status      {@code MIGRATIONS_PASSED} or {@code MIGRATIONS_FAILED}
 * @param base        the project migrations the branch was built from, in order
 * @param headVersion the newest version applied on it (base or own), null for none
 * @param failure     for a failed build, what failed; null otherwise
 */
public record Branch(String name, String database, String status, String template, boolean seed,
                     List<HistoryEntry> base, String headVersion, OffsetDateTime createdAt, String failure) {
    public static final String PASSED = "MIGRATIONS_PASSED";
    public static final String FAILED = "MIGRATIONS_FAILED";

    public Branch {
        base = List.copyOf(base);
    }

    /** One migration of a history: version, name and the SHA-256 of its file. */
    public record HistoryEntry(String version, String name, String sha256) {
    }
}

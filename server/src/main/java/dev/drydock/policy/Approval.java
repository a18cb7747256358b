package dev.drydock.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A human's yes to one {@link ApprovalRequest}, as stored in Drydock's state directory.
 *
 * @param approvedBy the approver's name (the OS user in a terminal; the name given in the form, else the OS user)
 * @param via        {@code terminal}, {@code ci} ({@code drydock approve --yes} without a TTY) or {@code elicitation}
 */
public record Approval(String planId, String target, String action, List<String> migrations, String approvedBy,
                       String via, Instant approvedAt, Instant expiresAt) {
    public static final String VIA_TERMINAL = "terminal";
    public static final String VIA_CI = "ci";
    public static final String VIA_ELICITATION = "elicitation";

    public Approval {
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
    }

    /** Longest lifetime any approval can have ({@code policy.approvalTtl} is at most 24h). */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);

    /**
     * True while {@code now} is before the expiry. An approval without both times, or one that
     * claims a lifetime longer than any configuration allows, is never valid.
     */
    public boolean validAt(Instant now) {
        return approvedAt != null && expiresAt != null && now.isBefore(expiresAt)
                && Duration.between(approvedAt, expiresAt).compareTo(MAX_LIFETIME) <= 0;
    }
}

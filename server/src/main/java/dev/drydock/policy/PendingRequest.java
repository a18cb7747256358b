package dev.drydock.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A request Drydock refused with APPROVAL_REQUIRED, kept in the state directory so that
 * {@code drydock approve <plan_id>} shows the human exactly what they approve.
 *
 * @param approvalTtlSeconds {@code policy.approvalTtl} of the Drydock that asked: the approval given for it lasts that long
 */
public record PendingRequest(ApprovalRequest request, Instant requestedAt, long approvalTtlSeconds) {
    public Duration approvalTtl() {
        return Duration.ofSeconds(approvalTtlSeconds);
    }
}

package dev.drydock.branch;

import java.time.OffsetDateTime;

/** A migration applied on a branch by {@code apply_on_branch}, on top of the branch's base history. */
public record OwnMigration(String version, String name, String up, String rollback, String upSha256,
                           String rollbackSha256, long evidenceId, OffsetDateTime appliedAt) {
}

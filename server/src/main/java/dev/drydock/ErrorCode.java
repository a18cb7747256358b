package dev.drydock;

/**
 * Every failure an agent or a user can see has exactly one of these codes. Codes are stable:
 * agents and scripts match on them, so rename none and add freely.
 */
public enum ErrorCode {
    /** drydock.yaml or a command-line setting is invalid. */
    CONFIG_INVALID,
    /** A tool argument is missing, malformed or out of range. */
    INVALID_ARGUMENT,
    /** The named target is not configured. */
    UNKNOWN_TARGET,
    /** The target could not be reached (network, authentication, server down). */
    TARGET_UNREACHABLE,
    /** The embedded PostgreSQL could not be started or is held by another Drydock. */
    EMBEDDED_UNAVAILABLE,
    /** The SQL text could not be split into statements (unterminated quote, psql meta-command). */
    SQL_SYNTAX,
    /** execute_sql got no statement, or more than one. */
    SINGLE_STATEMENT_REQUIRED,
    /** execute_sql on a target got a statement that may write or change session state. */
    READ_ONLY_VIOLATION,
    /** execute_sql got a call to a function that reaches outside the database or administers it. */
    FUNCTION_NOT_ALLOWED,
    /** The SQL hits a blocked pattern of the operator's policy (policy.blocked): refused before it runs. */
    BLOCKED_PATTERN,
    /** The feature named needs a later part of Drydock (for example branches). */
    NOT_AVAILABLE,
    /** PostgreSQL rejected a statement; sqlState and the server's fields say why. */
    SQL_ERROR,
    /** The statement ran past its statement_timeout. */
    STATEMENT_TIMEOUT,
    /** Bringing the local database to the migration head failed. */
    BOOTSTRAP_FAILED,
    /** No branch of that name exists on the branch server. */
    BRANCH_NOT_FOUND,
    /** A branch of that name exists already. */
    BRANCH_EXISTS,
    /** The branch was built from an older project history than the files now hold: rebase it first. */
    BRANCH_STALE,
    /** Another operation on the same branch is running (in this or another Drydock). */
    BRANCH_BUSY,
    /** rebase_branch: one of the branch's own migrations fails on the new history; the branch is unchanged. */
    REBASE_CONFLICT,
    /** apply_on_branch got no rollback SQL: every migration needs a tested rollback. */
    ROLLBACK_REQUIRED,
    /** apply_on_branch: the up migration failed on the branch; the branch is back as it was. */
    MIGRATION_FAILED,
    /** apply_on_branch: rollback or re-apply did not restore the schema (or data); the branch is back as it was. */
    ROUND_TRIP_FAILED,
    /** apply_migration/rollback: no branch-cycle evidence for this exact up + rollback on the history the target has. */
    NOT_BRANCH_TESTED,
    /** The target's applied history disagrees with the project files: a changed, missing or out-of-order migration. */
    HISTORY_DRIFT,
    /** A change to a protected target needs a human's approval bound to its plan_id (declined, or not given yet). */
    APPROVAL_REQUIRED,
    /** Another apply or rollback holds the target's migration lock (in this or another Drydock). */
    TARGET_BUSY,
    /** The migration kept waiting for a table lock past lock_timeout on every try; the target is unchanged. */
    LOCK_TIMEOUT,
    /** A bug in Drydock; the stack trace is on stderr. */
    INTERNAL
}

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
    /** A bug in Drydock; the stack trace is on stderr. */
    INTERNAL
}

package dev.drydock.sql;

import java.util.Locale;

/**
 * What a statement does. An {@code ALTER TABLE} with one sub-command takes that sub-command's
 * kind ({@link #ADD_COLUMN}, {@link #SET_NOT_NULL}…); with several it is {@link #ALTER_TABLE} and
 * its {@link AlterAction}s carry the kinds. Shown to users in kebab case ({@code add-column}).
 */
public enum StatementKind {
    // tables
    CREATE_TABLE, CREATE_TABLE_AS, ALTER_TABLE, DROP_TABLE, TRUNCATE,
    // ALTER TABLE sub-commands
    ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT,
    ADD_IDENTITY, ADD_CONSTRAINT, DROP_CONSTRAINT, VALIDATE_CONSTRAINT, RENAME_COLUMN, RENAME_TABLE,
    RENAME_CONSTRAINT, ENABLE_RLS, DISABLE_RLS, FORCE_RLS, NO_FORCE_RLS, ATTACH_PARTITION, DETACH_PARTITION,
    SET_SCHEMA, ALTER_TABLE_OTHER,
    // indexes
    CREATE_INDEX, DROP_INDEX, REINDEX, ALTER_INDEX,
    // views, sequences, types
    CREATE_VIEW, CREATE_MATERIALIZED_VIEW, REFRESH_MATERIALIZED_VIEW, ALTER_VIEW, DROP_VIEW,
    CREATE_SEQUENCE, ALTER_SEQUENCE, DROP_SEQUENCE,
    CREATE_TYPE, ALTER_TYPE, ADD_ENUM_VALUE, DROP_TYPE, CREATE_DOMAIN, ALTER_DOMAIN,
    // code
    CREATE_FUNCTION, ALTER_FUNCTION, DROP_FUNCTION, CREATE_TRIGGER, ALTER_TRIGGER, DROP_TRIGGER, DO_BLOCK, CALL,
    CREATE_RULE,
    // security
    CREATE_POLICY, ALTER_POLICY, DROP_POLICY, GRANT, REVOKE, ALTER_DEFAULT_PRIVILEGES, CREATE_ROLE, ALTER_ROLE,
    DROP_ROLE,
    // schemas, extensions, databases
    CREATE_SCHEMA, ALTER_SCHEMA, DROP_SCHEMA, CREATE_EXTENSION, ALTER_EXTENSION, DROP_EXTENSION, CREATE_DATABASE,
    ALTER_DATABASE, DROP_DATABASE, CREATE_OTHER, ALTER_OTHER, DROP_OTHER, COMMENT, SECURITY_LABEL,
    CREATE_PUBLICATION, ALTER_PUBLICATION,
    // data
    SELECT, INSERT, UPDATE, DELETE, MERGE, COPY,
    // sessions, transactions, maintenance
    TRANSACTION_CONTROL, SET, RESET, SHOW, EXPLAIN, PREPARE, EXECUTE_PREPARED, LOCK_TABLE, NOTIFY, LISTEN,
    VACUUM, VACUUM_FULL, ANALYZE, CLUSTER, CHECKPOINT, DISCARD, ALTER_SYSTEM, UTILITY,
    /** Neither reader could recognise it: treated as risky, never as safe. */
    UNKNOWN;

    /** True for statements that read or change rows rather than the schema. */
    public boolean isData() {
        return this == SELECT || this == INSERT || this == UPDATE || this == DELETE || this == MERGE || this == COPY;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.drydock.config;

/**
 * Every key {@code drydock.yaml} accepts. This enum drives parsing (a key not listed here is an
 * error) and the reference in {@code docs/configuration.md} (a test keeps them in step).
 * {@code *} in a path stands for a name the user chooses.
 */
public enum ConfigKey {
    TARGET_URL("targets.*.url", Type.URL, null,
            "Address of the target database: postgres://user:password@host:5432/db?sslmode=require "
                    + "(as Supabase shows it) or jdbc:postgresql://host:5432/db. Required for each target."),
    TARGET_READ_URL("targets.*.readUrl", Type.URL, null,
            "Optional address of a role with read-only grants (such as Supabase's read-only user); "
                    + "execute_sql reads through it."),
    TARGET_PROTECTED("targets.*.protected", Type.BOOLEAN, "false",
            "Marks a target whose changes need a human's approval; never used as a branch server."),
    DEFAULT_TARGET("defaultTarget", Type.STRING, null,
            "Target used when a tool call names none. Default: the only target; with several, "
                    + "`local`, else `default`, else the first one listed."),
    BRANCH_SERVER_URL("branchServer.url", Type.URL, null,
            "Server on which branches are created. Default: the embedded PostgreSQL. "
                    + "Must not be a protected target."),
    PROJECT_MIGRATIONS("project.migrations", Type.STRING, null,
            "Directory of the migration files, relative to the project. Default: detected — supabase/migrations, "
                    + "else migrations/ (Supabase CLI file names: <14-digit version>_<name>.sql)."),
    PROJECT_ROLLBACKS("project.rollbacks", Type.STRING, null,
            "Directory of the rollback files (same file names as the migrations). Default: rollbacks/ beside the "
                    + "migrations directory, outside it so the Supabase CLI never runs a rollback."),
    PROJECT_SEED("project.seed", Type.STRING, null,
            "Seed file loaded after the migrations when a branch or the local database is built. Default: seed.sql "
                    + "beside the migrations directory."),
    POLICY_READ_STATEMENT_TIMEOUT("policy.readStatementTimeout", Type.DURATION, "15s",
            "statement_timeout of execute_sql's read-only transactions (for example 500ms, 15s, 2m)."),
    POLICY_APPROVAL_TTL("policy.approvalTtl", Type.DURATION, "30m",
            "How long a human's approval of a plan_id (for a change to a protected target) stays valid, "
                    + "counted from the moment it is given (for example 10m, 1h; at most 24h)."),
    POLICY_RULES("policy.rules.*", Type.SEVERITY, null,
            "Severity of one lint rule, by its id (docs/rules/): error, warning, info or off. "
                    + "For example `policy: {rules: {prefer-text: off, drop-column: error}}`."),
    POLICY_BLOCKED("policy.blocked", Type.LIST,
            "[drop-table, drop-schema-or-database, truncate, delete-without-where, update-without-where, disable-rls, "
                    + "alter-system, copy-to-program, dynamic-sql]",
            "Rule ids that execute_sql and applies to protected targets refuse outright, whatever their severity "
                    + "and whatever ignore comments a migration carries. A YAML list; `[]` blocks nothing. "
                    + "Any rule id may be listed."),
    POLICY_REQUIRE_ROLLBACK("policy.requireRollback", Type.BOOLEAN, "true",
            "apply_migration refuses a migration whose rollback file is missing or empty (ROLLBACK_REQUIRED). "
                    + "Only here: no tool argument turns it off."),
    POLICY_ALLOW_IN_MIGRATIONS("policy.allowInMigrations", Type.LIST, "[]",
            "Blocked rule ids (policy.blocked) that migrations to protected targets may still contain, each such "
                    + "migration then needing a human's approval (for example [drop-table] for a planned removal)."),
    POLICY_LOCK_TIMEOUT("policy.lockTimeout", Type.DURATION, "3s",
            "lock_timeout of apply_migration and rollback: how long a statement waits for a table lock before the "
                    + "transaction is rolled back and tried again."),
    POLICY_LOCK_RETRIES("policy.lockRetries", Type.INTEGER, "3",
            "How many times apply_migration and rollback try a step that hit lock_timeout (with growing waits "
                    + "between tries) before giving up with LOCK_TIMEOUT; 1 to 10."),
    POLICY_STATEMENT_TIMEOUT("policy.statementTimeout", Type.DURATION, "10m",
            "statement_timeout of each statement of apply_migration and rollback."),
    POLICY_TARGET_LOCK_WAIT("policy.targetLockWait", Type.DURATION, "30s",
            "How long apply_migration and rollback wait for another apply on the same target (its advisory lock) "
                    + "before failing with TARGET_BUSY."),
    TYPES_OUT("types.out", Type.STRING, null,
            "Project file the generated types live in (for example src/types/database.ts): `drydock types` writes it, "
                    + "`drydock types --check` fails when it is stale."),
    TYPES_SCHEMAS("types.schemas", Type.LIST, "[public]", "Schemas to generate types for."),
    TYPES_LANG("types.lang", Type.STRING, "typescript", "typescript (Supabase-identical Database types) or java (records)."),
    TYPES_PACKAGE("types.package", Type.STRING, "db", "Java package of the generated class when types.lang is java."),
    TYPES_POSTGREST_VERSION("types.postgrestVersion", Type.STRING, null,
            "PostgREST version recorded in the TypeScript (the __InternalSupabase block supabase-js reads), "
                    + "as `supabase gen types` writes it for a project, for example \"12.2.3 (519615d)\".");

    /** The kinds of value a key takes. */
    public enum Type {
        STRING, URL, BOOLEAN, DURATION, INTEGER,
        /** error | warning | info | off. */
        SEVERITY,
        /** A YAML sequence of strings. */
        LIST
    }

    private final String path;
    private final Type type;
    private final String defaultValue;
    private final String description;

    ConfigKey(String path, Type type, String defaultValue, String description) {
        this.path = path;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String path() {
        return path;
    }

    public Type type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The key whose path is {@code pattern} (with {@code *} where a name stands), or null. */
    static ConfigKey forPath(String pattern) {
        for (ConfigKey key : values()) {
            if (key.path.equals(pattern)) {
                return key;
            }
        }
        return null;
    }

    /** True when some key lives below {@code prefixPattern} (a mapping that may hold keys). */
    static boolean isSection(String prefixPattern) {
        for (ConfigKey key : values()) {
            if (key.path.startsWith(prefixPattern + ".")) {
                return true;
            }
        }
        return false;
    }
}

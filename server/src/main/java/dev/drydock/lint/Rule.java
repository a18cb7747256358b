package dev.drydock.lint;

import java.util.Locale;

import static dev.drydock.lint.Severity.ERROR;
import static dev.drydock.lint.Severity.INFO;
import static dev.drydock.lint.Severity.WARNING;

/**
 * The lint rule catalogue. Ids are stable (agents, configs and ignore comments name them); each has
 * a page {@code docs/rules/<id>.md}. The fix is the safe alternative, with example SQL.
 */
public enum Rule {
    // Locking and availability
    REQUIRE_CONCURRENT_INDEX("Locking", WARNING, "CREATE INDEX CONCURRENTLY in a migration that starts with -- drydock:no-transaction: "
            + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON public.orders (status);"),
    REQUIRE_CONCURRENT_INDEX_DROP("Locking", WARNING, "DROP INDEX CONCURRENTLY in a -- drydock:no-transaction migration: "
            + "DROP INDEX CONCURRENTLY IF EXISTS public.orders_status_idx;"),
    REQUIRE_CONCURRENT_REINDEX("Locking", WARNING, "REINDEX INDEX CONCURRENTLY in a -- drydock:no-transaction migration."),
    CONSTRAINT_MISSING_NOT_VALID("Locking", WARNING, "Add it NOT VALID, then validate in a later migration: "
            + "ALTER TABLE t ADD CONSTRAINT c … NOT VALID; -- next migration: ALTER TABLE t VALIDATE CONSTRAINT c;"),
    VALIDATE_IN_SAME_TRANSACTION("Locking", WARNING, "Move VALIDATE CONSTRAINT to its own migration, so it runs under "
            + "SHARE UPDATE EXCLUSIVE only."),
    SET_NOT_NULL_SCAN("Locking", WARNING, "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (next "
            + "migration); then SET NOT NULL (no scan) and DROP CONSTRAINT c. PostgreSQL 18: ADD CONSTRAINT c NOT NULL col NOT VALID."),
    UNIQUE_CONSTRAINT_LOCK("Locking", WARNING, "CREATE UNIQUE INDEX CONCURRENTLY idx ON t (col); (no-transaction migration) then "
            + "ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX idx;"),
    EXCLUSION_CONSTRAINT("Locking", WARNING, "Build a new table with the constraint, copy the rows, and swap names in a short "
            + "transaction."),
    DETACH_PARTITION_LOCK("Locking", WARNING, "ALTER TABLE parent DETACH PARTITION part CONCURRENTLY; in a -- drydock:no-transaction migration."),
    TABLE_REWRITE_MAINTENANCE("Locking", ERROR, "Use pg_repack, or run it by hand in a maintenance window; never in a migration."),
    REQUIRE_LOCK_TIMEOUT("Locking", INFO, "SET LOCAL lock_timeout = '5s'; before the DDL (Drydock's apply sets one itself)."),
    POLICY_DDL_LOCK("Locking", INFO, "Keep the migration short so ACCESS EXCLUSIVE is held briefly; set lock_timeout."),
    // Rewrites
    COLUMN_TYPE_REWRITE("Rewrites", WARNING, "Add a new column, write both, backfill in batches, switch readers, drop the old "
            + "column. Binary-compatible changes (varchar(n) to text or a longer varchar) do not rewrite."),
    VOLATILE_DEFAULT("Rewrites", WARNING, "ADD COLUMN col type; (nullable, no default) then ALTER COLUMN col SET DEFAULT …; "
            + "and backfill existing rows in batches."),
    STORED_GENERATED_COLUMN("Rewrites", WARNING, "Add a plain nullable column kept up to date by a trigger; backfill in batches."),
    ADD_SERIAL_COLUMN("Rewrites", WARNING, "Create a new table with the identity column, copy the rows, and swap."),
    // Destructive
    DROP_TABLE("Destructive", ERROR, "Stop all use of the table, back it up, then drop it in its own migration with approval."),
    DROP_COLUMN("Destructive", WARNING, "Stop reading and writing the column first; back it up; then drop it in a later migration."),
    DROP_SCHEMA_OR_DATABASE("Destructive", ERROR, "Drop the objects one by one in reviewed migrations; never a whole schema or database."),
    TRUNCATE("Destructive", ERROR, "Write an explicit, reviewed data migration: DELETE FROM t WHERE <the rows to remove>;"),
    DROP_CONSTRAINT("Destructive", INFO, "Confirm the data no longer needs the guarantee; keep the rollback that restores it."),
    DELETE_WITHOUT_WHERE("Destructive", ERROR, "DELETE FROM t WHERE <condition naming the rows>;"),
    UPDATE_WITHOUT_WHERE("Destructive", WARNING, "Update in keyed batches: UPDATE t SET … WHERE id BETWEEN $1 AND $2;"),
    // Compatibility
    RENAME_COLUMN("Compatibility", WARNING, "Add the new column, copy and dual-write, switch readers, drop the old one later."),
    RENAME_TABLE("Compatibility", WARNING, "Rename, then CREATE VIEW old_name AS SELECT * FROM new_name; until every reader has moved."),
    NOT_NULL_WITHOUT_DEFAULT("Compatibility", ERROR, "Add the column nullable (or with a constant default), backfill, then enforce NOT NULL."),
    ENUM_VALUE_IN_TRANSACTION("Compatibility", ERROR, "Add the enum value in its own migration; use it in a later one."),
    DROP_NOT_NULL("Compatibility", INFO, "Make sure readers handle NULLs before allowing them."),
    // Transactions
    CONCURRENTLY_IN_TRANSACTION("Transactions", ERROR, "Put the statement in its own migration that starts with -- drydock:no-transaction."),
    TRANSACTION_CONTROL("Transactions", ERROR, "Remove BEGIN/COMMIT/ROLLBACK: Drydock runs each migration in one transaction "
            + "(or none, with -- drydock:no-transaction)."),
    BACKFILL_WITH_DDL("Transactions", WARNING, "Move the backfill to its own migration, in batches, after the DDL has committed."),
    // Security
    RLS_MISSING("Security", ERROR, "ALTER TABLE t ENABLE ROW LEVEL SECURITY; and CREATE POLICY … for the rows each role may see."),
    RLS_WITHOUT_POLICY("Security", WARNING, "CREATE POLICY \"Users read own rows\" ON t FOR SELECT TO authenticated "
            + "USING ((select auth.uid()) = user_id);"),
    POLICY_ALWAYS_TRUE("Security", WARNING, "Name the rows: USING ((select auth.uid()) = user_id) / WITH CHECK ((select auth.uid()) = user_id)."),
    POLICY_USER_METADATA("Security", ERROR, "Use auth.jwt() -> 'app_metadata' (set by the server only), or a table the user cannot write."),
    SECURITY_DEFINER_SEARCH_PATH("Security", ERROR, "Add SET search_path = '' to the function and schema-qualify every name in its body."),
    GRANT_TO_PUBLIC("Security", WARNING, "Grant writes to authenticated (behind RLS policies) or service_role, not PUBLIC or anon."),
    DISABLE_RLS("Security", ERROR, "Keep RLS on; write a policy that grants what is needed."),
    DYNAMIC_SQL("Security", WARNING, "Write the statement statically, or EXECUTE format('… %I …', name) only with identifiers "
            + "checked against an allow-list; review by hand."),
    ALTER_SYSTEM("Security", ERROR, "Change server settings through the provider's configuration, never from a migration."),
    COPY_TO_PROGRAM("Security", ERROR, "Export with COPY … TO STDOUT from the client; never run programs on the database server."),
    // Hygiene
    FK_WITHOUT_INDEX("Hygiene", WARNING, "CREATE INDEX ON child (fk_column); (concurrently on an existing table)."),
    PREFER_BIGINT_KEY("Hygiene", INFO, "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
    PREFER_IDENTITY("Hygiene", INFO, "id bigint GENERATED ALWAYS AS IDENTITY"),
    PREFER_TEXT("Hygiene", INFO, "col text CHECK (char_length(col) <= n)"),
    PREFER_JSONB("Hygiene", INFO, "col jsonb"),
    PREFER_TIMESTAMPTZ("Hygiene", INFO, "col timestamptz"),
    IDENTIFIER_TOO_LONG("Hygiene", ERROR, "Use a name of at most 63 bytes; PostgreSQL silently truncates longer ones."),
    PREFER_ROBUST_STATEMENTS("Hygiene", INFO, "Use IF NOT EXISTS / IF EXISTS so a retried no-transaction migration can run again."),
    // Analysis itself
    UNPARSED_STATEMENT("Analysis", WARNING, "Rewrite it in a form Drydock recognises, or accept it after the branch cycle and approval."),
    SYNTAX_ERROR("Analysis", ERROR, "Fix the statement; PostgreSQL will reject it."),
    /** Only the dynamic check reports it: PostgreSQL refused the statement on a scratch clone of the project. */
    SEMANTIC_ERROR("Analysis", ERROR, "Fix the statement as PostgreSQL's message and hint say (a misspelt name, a missing "
            + "object, a type mismatch); it fails the same way on apply."),
    UNUSED_IGNORE("Analysis", WARNING, "Remove the ignore comment, or move it to the line directly before the statement it is for."),
    INVALID_IGNORE("Analysis", ERROR, "Write -- drydock:ignore <rule-id> <reason why this is safe here>.");

    private final String group;
    private final Severity defaultSeverity;
    private final String fix;

    Rule(String group, Severity defaultSeverity, String fix) {
        this.group = group;
        this.defaultSeverity = defaultSeverity;
        this.fix = fix;
    }

    /** The stable kebab-case id, such as {@code drop-table}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String group() {
        return group;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String fix() {
        return fix;
    }

    public static Rule byId(String id) {
        for (Rule r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id();
    }
}

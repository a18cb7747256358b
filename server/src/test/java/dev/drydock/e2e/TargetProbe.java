package dev.drydock.e2e;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the end-to-end tests look at on a target, from their own JDBC sessions. */
final class TargetProbe {
    private TargetProbe() {
    }

    /**
     * Everything a migration, its history and Drydock's bookkeeping could change on a target: the
     * columns and indexes of the public schema, the Supabase history (versions, names, statements),
     * and Drydock's log and audit rows; equal fingerprints mean an unchanged target.
     */
    record Fingerprint(String columns, String indexes, String history, String log, String audit) {
        @Override
        public String toString() {
            return "columns [" + columns + "]\nindexes [" + indexes + "]\nhistory [" + history + "]\nlog [" + log
                    + "]\naudit [" + audit + "]";
        }
    }

    static Fingerprint fingerprint(DatabaseUrl url) throws SQLException {
        String columns = one(url, "select string_agg(table_name || '.' || column_name, ',' order by table_name, column_name) "
                + "from information_schema.columns where table_schema = 'public'");
        String indexes = one(url, "select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = 'public'");
        String history = one(url, "select string_agg(version || ' ' || coalesce(name, '') || ' ' || md5(coalesce(statements::text, '')), "
                + "',' order by version) from supabase_migrations.schema_migrations");
        String log = exists(url, "drydock.migration_log") ? one(url, "select coalesce(string_agg(version || ' ' || state || ' ' "
                + "|| up_sha256, ',' order by version), '') from drydock.migration_log") : "no table";
        String audit = exists(url, "drydock.audit_log") ? one(url, "select count(*) from drydock.audit_log") : "no table";
        return new Fingerprint(columns, indexes, history, log, audit);
    }

    static boolean exists(DatabaseUrl url, String relation) throws SQLException {
        return "t".equals(one(url, "select to_regclass('" + relation + "') is not null"));
    }

    static boolean column(DatabaseUrl url, String name) throws SQLException {
        return "1".equals(one(url, "select count(*) from information_schema.columns where table_schema = 'public' "
                + "and table_name = 'posts' and column_name = '" + name + "'"));
    }

    static String one(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Sessions on the target's database other than the one asking (a killed server's backends, until they end). */
    static int sessionsOtherThanOurs(DatabaseUrl url) {
        try {
            return Integer.parseInt(one(url, "select count(*) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid()"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until true; fails after a generous bound (a hang, not a speed check). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

package dev.drydock.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drydock's own history on a target, beside the Supabase CLI's {@code schema_migrations}:
 * {@code drydock.migration_log}, one row per apply of a migration (checksums, the rollback SQL as
 * applied, evidence, plan, approval, steps), and {@code drydock.audit_log}. A row's {@code state}
 * is {@code applying} while a migration with steps outside a transaction is part-way (its
 * {@code steps} say which are done, so a resumed apply continues there), {@code applied} when
 * complete, {@code rolled_back} after its rollback. At most one row per version is not rolled back.
 */
public final class TargetLog {
    public static final String APPLYING = "applying";
    public static final String APPLIED = "applied";
    public static final String ROLLED_BACK = "rolled_back";

    private static final List<String> SCHEMA = List.of(
            "CREATE SCHEMA IF NOT EXISTS drydock",
            """
            CREATE TABLE IF NOT EXISTS drydock.migration_log (
              id bigserial PRIMARY KEY,
              version text NOT NULL,
              name text NOT NULL,
              state text NOT NULL CHECK (state IN ('applying', 'applied', 'rolled_back')),
              up_sha256 text NOT NULL,
              rollback_sha256 text NOT NULL,
              rollback_sql text NOT NULL,
              evidence_id bigint,
              plan_id text,
              approved_by text,
              applied_by text NOT NULL,
              applied_at timestamptz NOT NULL DEFAULT now(),
              duration_ms bigint,
              steps jsonb NOT NULL DEFAULT '[]',
              rolled_back_at timestamptz,
              rolled_back_by text)""",
            "CREATE UNIQUE INDEX IF NOT EXISTS migration_log_current ON drydock.migration_log (version) "
                    + "WHERE state <> 'rolled_back'",
            """
            CREATE TABLE IF NOT EXISTS drydock.audit_log (
              id bigserial PRIMARY KEY,
              at timestamptz NOT NULL DEFAULT now(),
              tool text NOT NULL,
              record jsonb NOT NULL)""");

    /**
     * One row of {@code drydock.migration_log}.
     *
     * @param steps the steps as JSON text: {@code [{"step":1,"transactional":true,"statements":3,"millis":12,"done":true}, …]}
     */
    public record Entry(long id, String version, String name, String state, String upSha256, String rollbackSha256,
                        String rollbackSql, Long evidenceId, String planId, String approvedBy, String appliedBy,
                        OffsetDateTime appliedAt, Long durationMillis, String steps) {
    }

    private TargetLog() {
    }

    /** Creates Drydock's schema and tables on the target when missing (idempotent; run inside the apply's transaction). */
    public static void ensureTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
        }
    }

    /** The rows not rolled back, by version in version order; empty when the table does not exist. */
    public static Map<String, Entry> current(Connection c) throws SQLException {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!exists(c)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, name, state, up_sha256, rollback_sha256, "
                + "rollback_sql, evidence_id, plan_id, approved_by, applied_by, applied_at, duration_ms, steps::text "
                + "FROM drydock.migration_log WHERE state <> 'rolled_back' ORDER BY version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(2), new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                        (Long) rs.getObject(13), rs.getString(14)));
            }
        }
        return out;
    }

    public static boolean exists(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('drydock.migration_log') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}

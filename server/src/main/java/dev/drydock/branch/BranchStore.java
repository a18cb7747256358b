package dev.drydock.branch;

import dev.drydock.db.SqlErrors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drydock's metadata on the branch server: the {@code drydock_meta} database, which holds the
 * branches, each branch's own migrations, and the evidence of every passed branch cycle. It lives
 * on the branch server, not in a project file, so a tool call cannot write it.
 */
public final class BranchStore {
    public static final String DATABASE = "drydock_meta";
    private static final TypeReference<List<Branch.HistoryEntry>> HISTORY = new TypeReference<>() {
    };
    private static final List<String> SCHEMA = List.of(
            // The agent role owns the branches, not this database: it may not even connect to it.
            "REVOKE CONNECT ON DATABASE " + DATABASE + " FROM PUBLIC",
            "CREATE SCHEMA IF NOT EXISTS drydock",
            "CREATE TABLE IF NOT EXISTS drydock.settings (key text PRIMARY KEY, value text NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS drydock.branches (
              name text PRIMARY KEY, database text NOT NULL UNIQUE, status text NOT NULL, template text,
              seed boolean NOT NULL, base jsonb NOT NULL, head_version text, failure text,
              created_at timestamptz NOT NULL DEFAULT now())""",
            """
            CREATE TABLE IF NOT EXISTS drydock.branch_migrations (
              branch text NOT NULL REFERENCES drydock.branches(name) ON DELETE CASCADE, version text NOT NULL,
              name text NOT NULL, up_sql text NOT NULL, rollback_sql text NOT NULL, up_sha256 text NOT NULL,
              rollback_sha256 text NOT NULL, evidence_id bigint NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
              PRIMARY KEY (branch, version))""",
            """
            CREATE TABLE IF NOT EXISTS drydock.evidence (
              id bigserial PRIMARY KEY, version text NOT NULL, name text NOT NULL, up_sha256 text NOT NULL,
              rollback_sha256 text NOT NULL, branch text NOT NULL, base jsonb NOT NULL, base_sha256 text NOT NULL,
              snapshot_before text NOT NULL, snapshot_after text NOT NULL, steps jsonb NOT NULL, timings jsonb NOT NULL,
              created_at timestamptz NOT NULL DEFAULT now())""",
            "CREATE INDEX IF NOT EXISTS evidence_checksums ON drydock.evidence (up_sha256, rollback_sha256)");

    private final BranchServer server;
    private final JsonMapper json;
    private volatile boolean ready;

    private volatile String agentPassword;

    public BranchStore(BranchServer server, JsonMapper json) {
        this.server = server;
        this.json = json;
        server.agentSetup(this::agentPassword);
    }

    /**
     * The agent role's password, after making sure the role exists as Drydock needs it: it may log
     * in, is not a superuser, cannot create databases or replicate, and may not connect to this
     * metadata database. Every Drydock on the branch server shares the password kept here.
     */
    private String agentPassword() {
        try (Connection c = connect()) {
            return agentPassword;
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    private String agentPassword(Connection c, Statement st) throws SQLException {
        st.execute("SELECT pg_advisory_lock(7263002)");
        try {
            String password = null;
            try (ResultSet rs = st.executeQuery("SELECT value FROM drydock.settings WHERE key = 'agent_password'")) {
                if (rs.next()) {
                    password = rs.getString(1);
                }
            }
            if (password == null) {
                byte[] bytes = new byte[24];
                new java.security.SecureRandom().nextBytes(bytes);
                password = java.util.HexFormat.of().formatHex(bytes);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO drydock.settings(key, value) VALUES ('agent_password', ?)")) {
                    ps.setString(1, password);
                    ps.executeUpdate();
                }
            }
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + BranchServer.AGENT_ROLE + "'")) {
                exists = rs.next();
            }
            int version;
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
                rs.next();
                version = rs.getInt(1);
            }
            // From PostgreSQL 16 CREATEROLE only administers the roles it creates (migrations create roles); before
            // 16 it could grant itself pg_execute_server_program, so it is withheld there.
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS"
                    + (version >= 160000 ? " CREATEROLE" : " NOCREATEROLE") + " PASSWORD '" + password + "'";
            st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + BranchServer.AGENT_ROLE + attributes);
            return password;
        } finally {
            st.execute("SELECT pg_advisory_unlock(7263002)");
        }
    }

    /** A connection to the metadata database, created with its tables on first use. */
    public Connection connect() throws SQLException {
        if (!ready) {
            prepare();
        }
        return server.connect(DATABASE);
    }

    private synchronized void prepare() throws SQLException {
        if (ready) {
            return;
        }
        try (Connection c = server.connect(server.maintenanceDatabase()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                try {
                    st.execute("CREATE DATABASE " + DATABASE);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) { // another Drydock won
                        throw e;
                    }
                }
            }
        }
        try (Connection c = server.connect(DATABASE); Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(7263001)");
            try {
                for (String sql : SCHEMA) {
                    st.execute(sql);
                }
                agentPassword = agentPassword(c, st);
            } finally {
                st.execute("SELECT pg_advisory_unlock(7263001)");
            }
        }
        ready = true;
    }

    public List<Branch> branches() throws SQLException {
        return query("SELECT name, database, status, template, seed, base::text, head_version, created_at, failure "
                + "FROM drydock.branches ORDER BY created_at, name", null);
    }

    public Optional<Branch> branch(String name) throws SQLException {
        return query("SELECT name, database, status, template, seed, base::text, head_version, created_at, failure "
                + "FROM drydock.branches WHERE name = ?", name).stream().findFirst();
    }

    private List<Branch> query(String sql, String name) throws SQLException {
        List<Branch> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Branch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            json.readValue(rs.getString(6), HISTORY), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /** Records a branch, replacing the record of the same name (a reset or rebase rebuilds it). */
    public void save(Branch b) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO drydock.branches (name, database, status, template, seed, base, head_version, failure)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (name) DO UPDATE SET database = EXCLUDED.database, status = EXCLUDED.status,
                  template = EXCLUDED.template, seed = EXCLUDED.seed, base = EXCLUDED.base,
                  head_version = EXCLUDED.head_version, failure = EXCLUDED.failure""")) {
            ps.setString(1, b.name());
            ps.setString(2, b.database());
            ps.setString(3, b.status());
            ps.setString(4, b.template());
            ps.setBoolean(5, b.seed());
            ps.setString(6, json.writeValueAsString(b.base()));
            ps.setString(7, b.headVersion());
            ps.setString(8, b.failure());
            ps.executeUpdate();
        }
    }

    public void delete(String name) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM drydock.branches WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    public List<OwnMigration> ownMigrations(String branch) throws SQLException {
        List<OwnMigration> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT version, name, up_sql, rollback_sql, "
                + "up_sha256, rollback_sha256, evidence_id, applied_at FROM drydock.branch_migrations WHERE branch = ? "
                + "ORDER BY version")) {
            ps.setString(1, branch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OwnMigration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    /** Replaces the branch's own migrations (after a reset: none; after a rebase: the same ones). */
    public void replaceOwnMigrations(String branch, List<OwnMigration> own) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM drydock.branch_migrations WHERE branch = ?")) {
                del.setString(1, branch);
                del.executeUpdate();
            }
            for (OwnMigration m : own) {
                insertOwn(c, branch, m);
            }
            c.commit();
        }
    }

    /** Records a passed branch cycle: the evidence and the branch's new own migration, in one transaction. */
    public long recordEvidence(Evidence e) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO drydock.evidence (version, name, up_sha256, rollback_sha256, branch, base, base_sha256,
                      snapshot_before, snapshot_after, steps, timings)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb) RETURNING id""")) {
                ps.setString(1, e.version());
                ps.setString(2, e.name());
                ps.setString(3, e.upSha256());
                ps.setString(4, e.rollbackSha256());
                ps.setString(5, e.branch());
                ps.setString(6, json.writeValueAsString(e.base()));
                ps.setString(7, e.baseSha256());
                ps.setString(8, e.snapshotBefore());
                ps.setString(9, e.snapshotAfter());
                ps.setString(10, json.writeValueAsString(e.steps()));
                ps.setString(11, json.writeValueAsString(e.timings()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            insertOwn(c, e.branch(), new OwnMigration(e.version(), e.name(), e.up(), e.rollback(), e.upSha256(),
                    e.rollbackSha256(), id, null));
            try (PreparedStatement ps = c.prepareStatement("UPDATE drydock.branches SET head_version = ? WHERE name = ?")) {
                ps.setString(1, e.version());
                ps.setString(2, e.branch());
                ps.executeUpdate();
            }
            c.commit();
            return id;
        }
    }

    /** Evidence rows for exactly this up and rollback, newest first. */
    public List<Evidence.Stored> evidence(String upSha256, String rollbackSha256) throws SQLException {
        List<Evidence.Stored> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT id, version, branch, base::text, "
                + "base_sha256, created_at FROM drydock.evidence WHERE up_sha256 = ? AND rollback_sha256 = ? ORDER BY id DESC")) {
            ps.setString(1, upSha256);
            ps.setString(2, rollbackSha256);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Evidence.Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                            json.readValue(rs.getString(4), HISTORY), rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    private static void insertOwn(Connection c, String branch, OwnMigration m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drydock.branch_migrations (branch, version, name, up_sql, "
                + "rollback_sql, up_sha256, rollback_sha256, evidence_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, branch);
            ps.setString(2, m.version());
            ps.setString(3, m.name());
            ps.setString(4, m.up());
            ps.setString(5, m.rollback());
            ps.setString(6, m.upSha256());
            ps.setString(7, m.rollbackSha256());
            ps.setLong(8, m.evidenceId());
            ps.executeUpdate();
        }
    }

    /** {@code e} as the failure of the branch server, for callers outside this package. */
    public RuntimeException unusable(SQLException e) {
        return unusable(e, server);
    }

    static RuntimeException unusable(SQLException e, BranchServer server) {
        return SqlErrors.translate(e, BranchServer.NAME, server.redactor());
    }
}

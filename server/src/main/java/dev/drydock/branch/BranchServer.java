package dev.drydock.branch;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.sql.Identifiers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The PostgreSQL server branches live on: the embedded one by default, or {@code branchServer.url}
 * (never a protected target; the configuration refuses that). Drydock administers it (creates,
 * clones, drops databases; its metadata) as the configured role, and runs every statement that
 * comes from the project or the agent — replays of migration files, seeds, apply_on_branch,
 * execute_sql on a branch, validate_sql's scratch runs — as {@value #AGENT_ROLE}: a role that
 * owns the branch databases but is not a superuser, so that SQL cannot read or write the server's
 * files, run programs, load untrusted extensions such as dblink, or reach Drydock's metadata
 * database (evidence), which it may not connect to. Connections are opened per operation, never
 * pooled, because branch databases are dropped and re-created under them.
 */
public final class BranchServer {
    public static final String NAME = "branch server";
    public static final String AGENT_ROLE = "drydock_agent";

    private final Supplier<DatabaseUrl> admin;
    private final String description;
    private final Redactor redactor;
    private volatile String agentPassword;
    private volatile java.util.function.Supplier<String> agentSetup;

    /** @param admin the address of a database to administer from (started lazily for the embedded server) */
    public BranchServer(Supplier<DatabaseUrl> admin, String description, Redactor redactor) {
        this.admin = admin;
        this.description = description;
        this.redactor = redactor;
    }

    /** "embedded", or the configured URL without its password. */
    public String description() {
        return description;
    }

    public DatabaseUrl url(String database) {
        return admin.get().withDatabase(database);
    }

    /**
     * Where the agent role's password comes from (the metadata store creates the role and keeps
     * its password on first use).
     */
    void agentSetup(java.util.function.Supplier<String> setup) {
        this.agentSetup = setup;
    }

    /** The address of {@code database} as the agent role (see the class comment). */
    public DatabaseUrl agentUrl(String database) {
        String password = agentPassword;
        if (password == null) {
            password = agentSetup.get();
            agentPassword = password;
        }
        DatabaseUrl admin = url(database);
        return new DatabaseUrl(admin.hosts(), admin.database(), AGENT_ROLE, password, admin.params());
    }

    /** A connection to {@code database} as the agent role: for SQL from the project or the agent. */
    public Connection connectAsAgent(String database) {
        return open(agentUrl(database));
    }

    /** A connection as the administering role: for Drydock's own statements only. */
    public Connection connect(String database) {
        return open(url(database));
    }

    private Connection open(DatabaseUrl url) {
        try {
            Properties props = url.credentials();
            props.setProperty("ApplicationName", "drydock");
            props.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, NAME, redactor);
        }
    }

    /** The database Drydock administers the server from ({@code postgres} unless configured otherwise). */
    public String maintenanceDatabase() {
        return admin.get().database();
    }

    /** Runs administrative statements (CREATE/DROP/ALTER DATABASE) on the server's maintenance database. */
    public void administer(String... statements) throws SQLException {
        try (Connection c = connect(admin.get().database()); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Creates {@code database} as a copy of {@code template}, owned by the agent role; neither may have other sessions. */
    public void cloneDatabase(String template, String database) throws SQLException {
        administer("CREATE DATABASE " + Identifiers.quote(database) + " OWNER " + AGENT_ROLE + " TEMPLATE "
                + Identifiers.quote(template));
    }

    /** Drops {@code database} if it exists, ending its sessions first. */
    public void dropDatabase(String database) throws SQLException {
        administer("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
    }

    public void renameDatabase(String from, String to) throws SQLException {
        administer("ALTER DATABASE " + Identifiers.quote(from) + " RENAME TO " + Identifiers.quote(to));
    }

    public Redactor redactor() {
        return redactor;
    }
}

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
 * (never a protected target; the configuration refuses that). Drydock connects to it as a role
 * that may create databases; connections are opened per operation, never pooled, because branch
 * databases are dropped and re-created under them.
 */
public final class BranchServer {
    public static final String NAME = "branch server";

    private final Supplier<DatabaseUrl> admin;
    private final String description;
    private final Redactor redactor;

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

    public Connection connect(String database) {
        DatabaseUrl url = url(database);
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

    /** Creates {@code database} as a copy of {@code template}; neither may have other sessions. */
    public void cloneDatabase(String template, String database) throws SQLException {
        administer("CREATE DATABASE " + Identifiers.quote(database) + " TEMPLATE " + Identifiers.quote(template));
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

package dev.drydock.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One small HikariCP pool per database, created on first use. The embedded target's address is
 * known only once the embedded server has started, so it is asked for lazily too.
 */
public final class Databases implements AutoCloseable {
    private static final int POOL_SIZE = 4;

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Supplier<DatabaseUrl> embeddedUrl;
    private final Redactor redactor;

    /** @param embeddedUrl starts (or waits for) the embedded server; called only for embedded targets */
    public Databases(Supplier<DatabaseUrl> embeddedUrl, Redactor redactor) {
        this.embeddedUrl = embeddedUrl;
        this.redactor = redactor;
    }

    /** The address Drydock writes through (migrations, history). */
    public DatabaseUrl address(Target target) {
        return target.isEmbedded() ? embeddedUrl.get() : target.url();
    }

    /** A connection for reading: through {@code readUrl} when the target has one. */
    public Connection openForRead(Target target) {
        DatabaseUrl url = target.readUrl() != null ? target.readUrl() : address(target);
        return open(target, target.readUrl() != null ? "read" : "main", url);
    }

    public Connection open(Target target) {
        return open(target, "main", address(target));
    }

    /**
     * A connection of its own, outside the pools, through the address Drydock writes through: for
     * applies, whose session-level advisory lock and session settings must never be handed to
     * another caller by a pool.
     */
    public Connection openDedicated(Target target) {
        DatabaseUrl url = address(target);
        try {
            java.util.Properties props = url.credentials();
            props.setProperty("ApplicationName", "drydock-apply");
            props.setProperty("connectTimeout", "5");
            props.setProperty("tcpKeepAlive", "true");
            return java.sql.DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
    }

    private Connection open(Target target, String role, DatabaseUrl url) {
        try {
            HikariDataSource pool = pools.computeIfAbsent(target.name() + "/" + role, key -> pool(key, url));
            return pool.getConnection();
        } catch (HikariPool.PoolInitializationException e) {
            throw SqlErrors.translate(cause(e), target.name(), redactor);
        } catch (SQLException e) {
            throw SqlErrors.translate(cause(e), target.name(), redactor);
        }
    }

    /** The driver's own exception behind the pool's, which says why (wrong password, no such database…). */
    private static SQLException cause(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), "08001", e);
    }

    private static HikariDataSource pool(String name, DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("drydock-" + name.replace('/', '-'));
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(url.credentials());
        config.addDataSourceProperty("ApplicationName", "drydock");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("connectTimeout", "5");
        // A server that accepts TCP but never answers must not hang a tool call: bound the handshake.
        config.addDataSourceProperty("loginTimeout", "10");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Created on first use and failing fast: a target that cannot give one connection now is
        // reported at once with the server's reason, and no broken pool is kept.
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}

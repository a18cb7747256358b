package dev.drydock.testing;

import dev.drydock.branch.SupabaseCompat;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.migrate.LocalBootstrap;
import dev.drydock.migrate.ProjectLayout;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (zonky, started on first use, stopped at exit). Each test gets
 * a fresh database cloned with {@code CREATE DATABASE … TEMPLATE}, the same path branches take:
 * either empty, or holding the example Supabase project at its migration head (with seed).
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static boolean exampleTemplate;
    private static EmbeddedPostgres targetServer;
    private static boolean targetExampleTemplate;

    private TestPostgres() {
    }

    /** A new, empty database. */
    public static DatabaseUrl emptyDatabase() {
        return clone("template1");
    }

    /** A new database holding examples/supabase-starter at its head, seed included. */
    public static synchronized DatabaseUrl exampleDatabase() {
        if (!exampleTemplate) {
            buildExampleTemplate(admin());
            exampleTemplate = true;
        }
        return clone(admin(), "example_template");
    }

    /**
     * As {@link #exampleDatabase()}, on a second PostgreSQL server: for targets that must not share
     * a server with the branch server (which is {@link #admin()}'s).
     */
    public static synchronized DatabaseUrl exampleDatabaseOnTargetServer() {
        if (!targetExampleTemplate) {
            buildExampleTemplate(targetAdmin());
            targetExampleTemplate = true;
        }
        return clone(targetAdmin(), "example_template");
    }

    private static void buildExampleTemplate(DatabaseUrl admin) {
        DatabaseUrl template = admin.withDatabase("example_template");
        execute(admin, "CREATE DATABASE example_template");
        try (Connection c = connect(template)) {
            Path marker = Files.createTempDirectory("drydock-marker").resolve("done");
            ProjectLayout layout = ProjectLayout.detect(examplesDir().resolve("supabase-starter"));
            LocalBootstrap.Outcome outcome = LocalBootstrap.run(c, layout, marker, SupabaseCompat.preamble(layout), Redactor.none());
            if (outcome.failure() != null) {
                throw new IllegalStateException("example project does not apply: " + outcome.failure());
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The superuser's address of the second server's {@code postgres} database (started on first use). */
    public static synchronized DatabaseUrl targetAdmin() {
        if (targetServer == null) {
            targetServer = startServer();
        }
        return new DatabaseUrl("127.0.0.1:" + targetServer.getPort(), "postgres", "postgres", null, Map.of());
    }

    /** The superuser's address of the {@code postgres} database. */
    public static synchronized DatabaseUrl admin() {
        if (server == null) {
            server = startServer();
        }
        return new DatabaseUrl("127.0.0.1:" + server.getPort(), "postgres", "postgres", null, Map.of());
    }

    public static Connection connect(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.credentials());
    }

    public static void execute(DatabaseUrl url, String... statements) {
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's examples/ directory. */
    public static Path examplesDir() {
        String fromMaven = System.getProperty("drydock.examples");
        Path dir = fromMaven != null ? Path.of(fromMaven) : Path.of("..", "examples");
        return dir.toAbsolutePath().normalize();
    }

    private static DatabaseUrl clone(String template) {
        return clone(admin(), template);
    }

    private static DatabaseUrl clone(DatabaseUrl admin, String template) {
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + template);
        return admin.withDatabase(name);
    }

    private static EmbeddedPostgres startServer() {
        EmbeddedPostgres started;
        try {
            started = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
        return started;
    }
}

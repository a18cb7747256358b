package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.EmbeddedServer;
import dev.drydock.db.Redactor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The {@code local} target: the embedded server, started once and, when this process owns a
 * cluster that has not been bootstrapped yet, brought to the project's migration head before any
 * tool sees it. {@link #start()} may be called early, in the background; {@link #url()} waits.
 */
public final class LocalDatabase implements AutoCloseable {
    private final EmbeddedServer server;
    private final ProjectLayout layout;
    private final Redactor redactor;
    private final String preamble;
    private CompletableFuture<DatabaseUrl> ready;
    private volatile LocalBootstrap.Outcome outcome = LocalBootstrap.Outcome.skipped();

    /** @param preamble the Supabase compatibility layer for Supabase projects, else null */
    public LocalDatabase(EmbeddedServer server, ProjectLayout layout, String preamble, Redactor redactor) {
        this.preamble = preamble;
        this.server = server;
        this.layout = layout;
        this.redactor = redactor;
    }

    public synchronized CompletableFuture<DatabaseUrl> start() {
        if (ready == null) {
            // Its own thread: initdb and the replay block for seconds, which must not occupy the
            // common pool (one worker on a 2-core machine) that other work relies on.
            ready = CompletableFuture.supplyAsync(this::startAndBootstrap, task -> {
                Thread thread = new Thread(task, "drydock-local-database");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return ready;
    }

    /** The local database's address, once it is started and bootstrapped. */
    public DatabaseUrl url() {
        try {
            return start().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DrydockException de) {
                throw de;
            }
            throw e;
        }
    }

    public LocalBootstrap.Outcome bootstrapOutcome() {
        return outcome;
    }

    private DatabaseUrl startAndBootstrap() {
        DatabaseUrl url = server.start();
        var marker = server.dataDir().resolve("drydock-bootstrapped");
        if (server.owner() && LocalBootstrap.needed(marker)) {
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.credentials())) {
                outcome = LocalBootstrap.run(c, layout, marker, preamble, redactor);
            } catch (SQLException e) {
                outcome = new LocalBootstrap.Outcome(true, java.util.List.of(), false, redactor.redact(e.getMessage()));
            }
        }
        return url;
    }

    /** Waits for a start or bootstrap in progress (each migration is its own transaction), then stops the server. */
    @Override
    public synchronized void close() {
        if (ready != null) {
            ready.handle((url, failure) -> null).orTimeout(2, TimeUnit.MINUTES).exceptionally(t -> null).join();
        }
        server.close();
    }
}

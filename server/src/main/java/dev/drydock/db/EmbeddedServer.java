package dev.drydock.db;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL whose data lives in {@code <project>/.drydock/pg}. One Drydock process
 * owns it at a time, by an OS file lock on {@code .drydock/pg.lock} taken before initdb or start;
 * a second Drydock on the same project finds the lock held and connects to the running server as
 * a guest instead of starting another. A server orphaned by a killed owner is stopped first.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String SUPERUSER = "postgres";

    private final Path stateDir;
    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private FileChannel lockChannel;
    private FileLock lock;
    private DatabaseUrl url;
    private boolean freshCluster;

    public EmbeddedServer(Path projectDir) {
        this.stateDir = projectDir.resolve(".drydock");
        this.dataDir = stateDir.resolve("pg");
    }

    /** Starts the server, or joins the one another Drydock owns; returns the {@code postgres} database's address. */
    public synchronized DatabaseUrl start() {
        if (url != null) {
            return url;
        }
        try {
            Files.createDirectories(stateDir);
            lockChannel = FileChannel.open(stateDir.resolve("pg.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            lock = tryLock(lockChannel);
            if (lock == null) {
                url = joinRunning();
                return url;
            }
            lockChannel.truncate(0).write(java.nio.ByteBuffer.wrap(
                    (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            stopOrphan();
            freshCluster = !Files.exists(dataDir.resolve("PG_VERSION"));
            int port = freePort();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The local database persists across runs: keep it crash-safe (zonky tunes for throwaway test data).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            url = new DatabaseUrl("127.0.0.1:" + port, "postgres", SUPERUSER, null, java.util.Map.of());
            LOG.info("Embedded PostgreSQL {} on 127.0.0.1:{} (data in {})", freshCluster ? "initialised and started" : "started",
                    port, dataDir);
            return url;
        } catch (IOException | RuntimeException e) {
            releaseLock();
            if (e instanceof DrydockException de) {
                throw de;
            }
            throw new DrydockException(ErrorCode.EMBEDDED_UNAVAILABLE,
                    "Could not start the embedded PostgreSQL in " + dataDir + ": " + e,
                    "See stderr for PostgreSQL's own output. If the data directory is damaged, move it aside and "
                            + "restart Drydock: a new cluster is created and the project's migrations are replayed.");
        }
    }

    /** Null when another process, or another server object in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    /** True when this process created the cluster (initdb ran), so it has never seen a migration. */
    public synchronized boolean freshCluster() {
        return freshCluster;
    }

    /** True when this process started the server; false when it joined another Drydock's. */
    public synchronized boolean owner() {
        return postgres != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    private DatabaseUrl joinRunning() throws IOException {
        Optional<Integer> port = postmasterPort();
        String holder = Files.readString(stateDir.resolve("pg.lock")).strip();
        if (port.isEmpty()) {
            throw new DrydockException(ErrorCode.EMBEDDED_UNAVAILABLE,
                    "The embedded PostgreSQL of this project is held by another Drydock (pid " + holder
                            + ") that has not finished starting it.",
                    "Wait a few seconds and try again, or stop the other Drydock.");
        }
        LOG.info("Using the embedded PostgreSQL started by Drydock pid {} on 127.0.0.1:{}", holder, port.get());
        return new DatabaseUrl("127.0.0.1:" + port.get(), "postgres", SUPERUSER, null, java.util.Map.of());
    }

    /** Line 4 of postmaster.pid is the port the server listens on. */
    private Optional<Integer> postmasterPort() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() >= 4 ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
    }

    /**
     * A postmaster left running by a Drydock that was killed: we hold the lock, so nobody uses it.
     * Only a process whose command line names this very data directory is stopped; a stale pid now
     * used by some other process is left alone (PostgreSQL itself then replaces the stale pid file).
     */
    private void stopOrphan() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        String dir = dataDir.toAbsolutePath().toString();
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(dir)).orElse(false));
        if (orphan.isPresent()) {
            LOG.warn("Stopping PostgreSQL pid {} left running by a Drydock that did not shut down cleanly", pid);
            orphan.get().destroy();
            orphan.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            try {
                postgres.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
            }
            postgres = null;
        }
        releaseLock();
        url = null;
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("Releasing {} failed: {}", stateDir.resolve("pg.lock"), e.getMessage());
        }
        lock = null;
        lockChannel = null;
    }
}

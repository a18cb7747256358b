package dev.drydock.e2e;

import dev.drydock.testing.Projects;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL's life across processes: shared, stopped on SIGTERM, recovered after a kill. */
class LifecycleIT {

    private static List<String> serve(Path project) {
        return List.of("serve", "--project", project.toString());
    }

    @Test
    void aSecondDrydockJoinsTheFirstsServerAndSigtermStopsItCleanly() throws Exception {
        Path project = Projects.copyOfExample();
        try (JarProcess first = JarProcess.start(serve(project), Map.of())) {
            assertThat(first.initializeAndStatus()).contains("\"reachable\":true").contains("\"appliedMigrations\":6");
            try (JarProcess second = JarProcess.start(serve(project), Map.of())) {
                assertThat(second.initializeAndStatus()).contains("\"reachable\":true").contains("\"appliedMigrations\":6");
                assertThat(second.stderr()).contains("Using the embedded PostgreSQL started by Drydock pid "
                        + first.process().pid());
                second.process().getOutputStream().close();
                assertThat(second.waitFor(Duration.ofSeconds(30))).isZero();
                assertThat(second.stderr()).doesNotContain("Embedded PostgreSQL stopped");
            }
            first.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"execute_sql\","
                    + "\"arguments\":{\"sql\":\"select count(*) from posts\"}}}");
            assertThat(first.awaitResponse(3)).contains("\"isError\":false");
            // SIGTERM through the ProcessHandle: Process.destroy() would also close our ends of its pipes.
            assertThat(first.process().toHandle().destroy()).isTrue();
            int exit = first.waitFor(Duration.ofSeconds(30));
            assertThat(exit).isEqualTo(143);
            assertThat(first.stderr()).as("exit %d", exit).contains("Embedded PostgreSQL stopped");
        }
        assertThat(project.resolve(".drydock/pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void ctrlCStopsTheEmbeddedPostgresToo() throws Exception {
        Path project = Projects.copyOfExample();
        try (JarProcess drydock = JarProcess.start(serve(project), Map.of())) {
            assertThat(drydock.initializeAndStatus()).contains("\"reachable\":true");
            Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(drydock.process().pid())).start();
            assertThat(interrupt.waitFor()).isZero();
            assertThat(drydock.waitFor(Duration.ofSeconds(30))).isEqualTo(130);
            assertThat(drydock.stderr()).contains("Drydock stopping").contains("Embedded PostgreSQL stopped");
        }
        assertThat(project.resolve(".drydock/pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void aPostgresOrphanedByAKilledDrydockIsStoppedAndTheDataKept() throws Exception {
        Path project = Projects.copyOfExample();
        try (JarProcess killed = JarProcess.start(serve(project), Map.of())) {
            assertThat(killed.initializeAndStatus()).contains("\"reachable\":true");
            killed.process().destroyForcibly().waitFor();
        }
        Path pidFile = project.resolve(".drydock/pg/postmaster.pid");
        assertThat(pidFile).exists();
        long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        assertThat(ProcessHandle.of(orphan)).isPresent();
        try (JarProcess next = JarProcess.start(serve(project), Map.of())) {
            assertThat(next.initializeAndStatus()).contains("\"reachable\":true").contains("\"appliedMigrations\":6");
            assertThat(next.stderr()).contains("Stopping PostgreSQL pid " + orphan);
            assertThat(next.stderr()).contains("Embedded PostgreSQL started").doesNotContain("initialised");
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }
}

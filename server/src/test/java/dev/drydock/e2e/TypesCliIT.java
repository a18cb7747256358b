package dev.drydock.e2e;

import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `drydock types` on the packaged jar: writes the project's types file; --check fails when it is stale. */
class TypesCliIT {

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(Path project, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("types", "--project", project.toString(), "--database-url",
                ToolHarness.jdbc(TestPostgres.exampleDatabase())));
        all.addAll(List.of(args));
        try (JarProcess drydock = JarProcess.start(all, Map.of())) {
            drydock.process().getOutputStream().close();
            String out = new String(drydock.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = drydock.waitFor(Duration.ofSeconds(90));
            return new Run(exit, out, drydock.stderr());
        }
    }

    @Test
    void writesTheConfiguredFileAndCheckTellsWhenItIsStale(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("drydock.yaml"), "types:\n  out: src/types/database.ts\n  schemas: [public]\n");
        Run check = run(project, "--check");
        assertThat(check.exit()).as(check.stderr()).isEqualTo(1);
        assertThat(check.stderr()).contains("STALE: src/types/database.ts does not exist");

        Run write = run(project);
        assertThat(write.exit()).as(write.stderr()).isZero();
        assertThat(write.stdout()).contains("Wrote src/types/database.ts");
        assertThat(Files.readString(project.resolve("src/types/database.ts"))).contains("export type Database");

        Run again = run(project, "--check");
        assertThat(again.exit()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("Up to date: src/types/database.ts");

        Files.writeString(project.resolve("src/types/database.ts"), "// edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
        Run stale = run(project, "--check");
        assertThat(stale.exit()).isEqualTo(1);
        assertThat(stale.stderr()).contains("differs from the types the schema generates");
    }

    @Test
    void withoutAFileItPrintsTheSourceAndJavaOnRequest(@TempDir Path project) throws Exception {
        Run ts = run(project);
        assertThat(ts.exit()).as(ts.stderr()).isZero();
        assertThat(ts.stdout()).startsWith("export type Json =");
        Run java = run(project, "--lang", "java", "--package", "app.db");
        assertThat(java.exit()).as(java.stderr()).isZero();
        assertThat(java.stdout()).startsWith("package app.db;");
        Run checkWithoutFile = run(project, "--check");
        assertThat(checkWithoutFile.exit()).isEqualTo(2);
    }
}

package dev.drydock.typegen;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated types compile with {@code tsc --strict} together with a usage file that uses
 * {@code Tables<'posts'>}, {@code TablesInsert<'posts'>} and an enum, and whose
 * {@code @ts-expect-error} lines must fail. Needs Node (TypeScript comes from npm); skipped with
 * a message when Node is absent.
 */
class TypeScriptCompilesTest {
    private static final Path CASE = Path.of("src/test/resources/typegen/supabase-app");

    @Test
    void appTypesCompileStrictWithTheUsageFile(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("npx"), "Node/npx is not installed: the tsc --strict check is skipped");
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TypeCatalog catalog;
        try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement()) {
            st.execute(Files.readString(CASE.getParent().resolve("prelude.sql")));
            st.execute(Files.readString(CASE.resolve("schema.sql")));
            catalog = TypeCatalogReader.read(c, List.of("public"));
        }
        Files.writeString(dir.resolve("database.types.ts"), TypeScriptTypes.generate(catalog, "public"));
        Files.copy(CASE.resolve("usage.ts"), dir.resolve("usage.ts"));
        Files.copy(CASE.resolve("tsconfig.json"), dir.resolve("tsconfig.json"));
        Process p = new ProcessBuilder("npx", "-y", "-p", "typescript@5.9.3", "tsc", "-p", "tsconfig.json")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes());
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("tsc finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}

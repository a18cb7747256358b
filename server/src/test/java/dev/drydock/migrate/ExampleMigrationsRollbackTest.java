package dev.drydock.migrate;

import dev.drydock.branch.SupabaseCompat;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example Supabase project's migrations, one after the other on the compatibility layer: each is
 * planned against the database as it stands, applied, rolled back with the generated rollback (the
 * catalog must be as before), and applied again for the next one.
 */
class ExampleMigrationsRollbackTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyExampleMigrationGetsACompleteGeneratedRollbackThatRestoresTheCatalog() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        GeneratedRollbackTest.run(db, SupabaseCompat.sql());
        Path dir = TestPostgres.examplesDir().resolve("supabase-starter/supabase/migrations");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).hasSize(6);
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            for (Path file : files) {
                String up = Files.readString(file);
                var r = PlanMigrationTest.plan(tools, Map.of("sql", up, "target", "main"));
                Map<String, Object> rollback = (Map<String, Object>) r.structured().get("rollbackPlan");
                assertThat(rollback).as("%s:\n%s", file.getFileName(), r.text()).containsEntry("complete", true);
                assertThat(r.structured()).as(r.text()).containsEntry("ok", true);
                List<String> before = CatalogState.of(db);
                GeneratedRollbackTest.run(db, up);
                GeneratedRollbackTest.run(db, (String) rollback.get("sql"));
                assertThat(CatalogState.of(db)).as("%s rolled back by:\n%s", file.getFileName(), rollback.get("sql"))
                        .isEqualTo(before);
                GeneratedRollbackTest.run(db, up);
            }
        }
    }
}

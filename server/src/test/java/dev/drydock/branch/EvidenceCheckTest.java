package dev.drydock.branch;

import dev.drydock.branch.BranchServer;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.mcp.ToolSpec;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.testing.SmallProject;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import dev.drydock.tools.Json;
import dev.drydock.tools.ToolRunner;
import io.modelcontextprotocol.json.McpJsonDefaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence found for a migration that apply_on_branch wrote (through the tools, as an agent would),
 * and not found once one byte of the migration, its rollback or an earlier migration changes.
 */
class EvidenceCheckTest {
    private static BranchStore store;

    @BeforeAll
    static void store() {
        DatabaseUrl admin = TestPostgres.admin();
        store = new BranchStore(new BranchServer(() -> admin, "test", Redactor.none()), Json.mapper());
    }

    private static Optional<Evidence.Stored> find(SmallProject p, String version) {
        return EvidenceCheck.find(store, p.layout(), p.file(version));
    }

    private static Map<String, Object> listed(ToolHarness tools, String version) {
        return migration(list(tools), version);
    }

    private static ToolRunner.Response list(ToolHarness tools) {
        ToolRunner.Response r = tools.call("list_migrations", Map.of());
        assertThat(r.isError()).as(r.text()).isFalse();
        var check = McpJsonDefaults.getSchemaValidator().validate(
                ToolSpec.load("list_migrations", McpJsonDefaults.getMapper()).outputSchema(), r.structured());
        assertThat(check.valid()).as(check.errorMessage()).isTrue();
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> migration(ToolRunner.Response r, String version) {
        return ((List<Map<String, Object>>) r.structured().get("migrations")).stream()
                .filter(m -> m.get("version").equals(version)).findFirst().orElseThrow();
    }

    /** Runs {@code check} with one byte of {@code file} changed, then puts the file back. */
    private static void withOneByteChanged(Path file, Runnable check) throws Exception {
        byte[] original = Files.readAllBytes(file);
        byte[] changed = original.clone();
        changed[0] = (byte) (changed[0] == 'a' ? 'A' : changed[0] == 'A' ? 'a' : changed[0] == '-' ? ' ' : 'a');
        Files.write(file, changed);
        try {
            check.run();
        } finally {
            Files.write(file, original);
        }
    }

    @Test
    void aMigrationWrittenByApplyOnBranchIsFoundUntilOneByteChanges() throws Exception {
        SmallProject p = SmallProject.create();
        String branch = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseUrl target = TestPostgres.emptyDatabase();
        p.markApplied(target, SmallProject.A, SmallProject.B, SmallProject.C);
        String yaml = "targets:\n  main:\n    url: " + ToolHarness.jdbc(target) + "\n"
                + "branchServer:\n  url: " + ToolHarness.jdbc(TestPostgres.admin()) + "\n";
        try (ToolHarness tools = ToolHarness.fromYaml(p.root(), yaml)) {
            assertThat(tools.call("create_branch", Map.of("name", branch)).isError()).isFalse();
            ToolRunner.Response applied = tools.call("apply_on_branch", Map.of("branch", branch, "name", "add_note",
                    "sql", "alter table " + p.table() + " add column note text", // no trailing newline: the file gets one
                    "rollback_sql", "alter table " + p.table() + " drop column note;"));
            assertThat(applied.isError()).as(applied.text()).isFalse();
            String version = (String) applied.structured().get("version");
            long evidenceId = ((Number) applied.structured().get("evidenceId")).longValue();

            assertThat(find(p, version)).get().extracting(Evidence.Stored::id).isEqualTo(evidenceId);
            ToolRunner.Response listing = list(tools);
            assertThat(migration(listing, version)).containsEntry("state", "pending").containsEntry("branchTested", true)
                    .containsEntry("evidenceId", evidenceId);
            assertThat(listing.structured().get("nextSteps")).asList().containsExactly("apply_migration with target 'main', "
                    + "version '" + version + "' and dry_run: true, to see what would run (1 branch-tested migration(s))");

            withOneByteChanged(p.migration(version), () -> {
                assertThat(find(p, version)).isEmpty();
                ToolRunner.Response changed = list(tools);
                assertThat(migration(changed, version)).containsEntry("branchTested", false).doesNotContainKey("evidenceId");
                assertThat(changed.text()).contains("Next step: supabase/migrations/" + version + "_add_note.sql has no branch "
                        + "evidence for its current bytes");
            });
            withOneByteChanged(p.rollback(version), () -> assertThat(find(p, version)).isEmpty());
            withOneByteChanged(p.migration(SmallProject.B), () -> {
                assertThat(find(p, version)).isEmpty();
                assertThat(listed(tools, version)).containsEntry("branchTested", false);
                assertThat(listed(tools, SmallProject.B)).containsEntry("state", "drifted");
            });
            assertThat(find(p, version)).isPresent();
            // The earlier migrations were never proved on a branch of their own.
            assertThat(find(p, SmallProject.C)).isEmpty();
        }
    }

    @Test
    void aMissingOrBlankRollbackIsNeverTested() throws Exception {
        SmallProject p = SmallProject.create();
        MigrationFile a = p.file(SmallProject.A);
        assertThat(EvidenceCheck.rollbackPresent(a)).isTrue();
        Files.writeString(p.rollback(SmallProject.A), "\n\t \n");
        assertThat(EvidenceCheck.rollbackPresent(p.file(SmallProject.A))).isFalse();
        assertThat(find(p, SmallProject.A)).isEmpty();
        Files.delete(p.rollback(SmallProject.A));
        assertThat(p.file(SmallProject.A).rollback()).isNull();
        assertThat(find(p, SmallProject.A)).isEmpty();
    }
}

package dev.drydock.migrate;

import dev.drydock.branch.SupabaseCompat;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.EmbeddedServer;
import dev.drydock.db.Redactor;
import dev.drydock.sql.Splitter;
import dev.drydock.testing.Projects;
import dev.drydock.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded {@code local} target: started once per project, bootstrapped once, shared safely. */
class LocalDatabaseTest {

    private static LocalDatabase local(Path project) {
        return new LocalDatabase(new EmbeddedServer(project), ProjectLayout.detect(project), SupabaseCompat.preamble(ProjectLayout.detect(project)), Redactor.none());
    }

    @Test
    void firstStartAppliesMigrationsAndSeedAsTheSupabaseCliDoesThenLaterStartsLeaveItAlone() throws Exception {
        Path project = Projects.copyOfExample();
        ProjectLayout layout = ProjectLayout.detect(project);
        try (LocalDatabase first = local(project)) {
            DatabaseUrl url = first.url();
            assertThat(first.bootstrapOutcome().applied()).hasSize(6);
            assertThat(first.bootstrapOutcome().seeded()).isTrue();
            try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(
                        "select version, name, statements from supabase_migrations.schema_migrations order by version")) {
                    for (MigrationFile m : layout.migrations()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(m.version());
                        assertThat(rs.getString(2)).isEqualTo(m.name());
                        Array statements = rs.getArray(3);
                        assertThat(Arrays.asList((String[]) statements.getArray()))
                                .isEqualTo(Splitter.supabaseStatements(Files.readString(m.path())));
                    }
                    assertThat(rs.next()).isFalse();
                }
                try (ResultSet rs = st.executeQuery("select path, hash from supabase_migrations.seed_files")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("supabase/seed.sql");
                    assertThat(rs.getString(2)).isEqualTo(Checksums.sha256(Files.readAllBytes(layout.seedFile())));
                }
                st.execute("delete from posts where id = 3");
            }
        }
        try (LocalDatabase second = local(project)) {
            DatabaseUrl url = second.url();
            assertThat(second.bootstrapOutcome().ran()).isFalse();
            try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from posts")) {
                rs.next();
                assertThat(rs.getInt(1)).as("data kept across restarts, seed not replayed").isEqualTo(2);
            }
        }
    }

    @Test
    void aSecondDrydockOnTheSameProjectJoinsInsteadOfStartingAnother() throws Exception {
        Path project = Projects.withConfig(null);
        try (EmbeddedServer owner = new EmbeddedServer(project); EmbeddedServer guest = new EmbeddedServer(project)) {
            DatabaseUrl ownerUrl = owner.start();
            assertThat(owner.owner()).isTrue();
            assertThat(owner.freshCluster()).isTrue();
            DatabaseUrl guestUrl = guest.start();
            assertThat(guest.owner()).isFalse();
            assertThat(guestUrl.hosts()).isEqualTo(ownerUrl.hosts());
            try (Connection c = TestPostgres.connect(guestUrl); Statement st = c.createStatement()) {
                st.execute("select 1");
            }
            guest.close();
            try (Connection c = TestPostgres.connect(ownerUrl); Statement st = c.createStatement()) {
                st.execute("select 1");
            }
        }
        assertThat(Files.readString(project.resolve(".drydock/pg/PG_VERSION")).strip()).isEqualTo("17");
        try (EmbeddedServer again = new EmbeddedServer(project)) {
            again.start();
            assertThat(again.owner()).isTrue();
            assertThat(again.freshCluster()).as("the cluster persists across runs").isFalse();
        }
    }

    @Test
    void aFailingMigrationStopsTheBootstrapAtThatFileAndTheNextStartResumes() throws Exception {
        Path project = Projects.withConfig(null);
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20240101000000_one.sql"), "create table one (id int);\n");
        Path broken = migrations.resolve("20240102000000_two.sql");
        Files.writeString(broken, "create table two (id int);\n\nselect * from missing_table;\n");
        try (LocalDatabase local = local(project)) {
            local.url();
            LocalBootstrap.Outcome outcome = local.bootstrapOutcome();
            assertThat(outcome.applied()).containsExactly("20240101000000");
            assertThat(outcome.failure()).contains("20240102000000_two.sql, statement 2 of 2 (line 3)")
                    .contains("missing_table");
        }
        Files.writeString(broken, "create table two (id int);\n");
        try (LocalDatabase local = local(project)) {
            DatabaseUrl url = local.url();
            assertThat(local.bootstrapOutcome().applied()).containsExactly("20240102000000");
            try (Connection c = TestPostgres.connect(url)) {
                assertThat(SupabaseHistory.appliedVersions(c)).containsExactly("20240101000000", "20240102000000");
            }
        }
        assertThat(List.of(project.resolve(".drydock/pg/drydock-bootstrapped"))).allMatch(Files::exists);
    }
}

package dev.drydock.testing;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.SupabaseHistory;
import dev.drydock.sql.Splitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A Supabase-layout project of three migrations with rollbacks, on a table named uniquely per
 * project (so branch evidence recorded for one project never matches another's files), and a way
 * to mark its versions applied on a target exactly as Drydock writes the history.
 */
public final class SmallProject {
    public static final String A = "20250101000000";
    public static final String B = "20250101000100";
    public static final String C = "20250101000200";

    private final Path root;
    private final String table;

    private SmallProject(Path root, String table) {
        this.root = root;
        this.table = table;
    }

    public static SmallProject create() {
        SmallProject p = new SmallProject(Projects.withConfig(null),
                "public.t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        p.write(A, "create_table", "create table " + p.table + " (id int primary key);\n", "drop table " + p.table + ";\n");
        p.write(B, "add_name", "-- the name shown in lists\nalter table " + p.table + " add column name text;\n",
                "alter table " + p.table + " drop column name;\n");
        p.write(C, "index_name", "create index on " + p.table + " (name);\ncomment on table " + p.table + " is 'x';\n",
                "comment on table " + p.table + " is null;\ndrop index " + p.table + "_name_idx;\n");
        return p;
    }

    public Path root() {
        return root;
    }

    public String table() {
        return table;
    }

    public ProjectLayout layout() {
        return ProjectLayout.detect(root);
    }

    public Path migration(String version) {
        return file(version).path();
    }

    public Path rollback(String version) {
        return root.resolve("supabase/rollbacks").resolve(file(version).path().getFileName());
    }

    public MigrationFile file(String version) {
        return layout().migrations().stream().filter(m -> m.version().equals(version)).findFirst().orElseThrow();
    }

    public void write(String version, String name, String up, String rollback) {
        try {
            Files.createDirectories(root.resolve("supabase/migrations"));
            Files.createDirectories(root.resolve("supabase/rollbacks"));
            Files.writeString(root.resolve("supabase/migrations/" + version + "_" + name + ".sql"), up);
            Files.writeString(root.resolve("supabase/rollbacks/" + version + "_" + name + ".sql"), rollback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records {@code versions} in the target's schema_migrations as Drydock's apply writes them (nothing is run). */
    public void markApplied(DatabaseUrl target, String... versions) {
        try (Connection c = TestPostgres.connect(target)) {
            SupabaseHistory.ensureTables(c);
            for (String v : versions) {
                MigrationFile m = file(v);
                SupabaseHistory.insert(c, v, m.name(), Splitter.supabaseStatements(Files.readString(m.path())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a project keeps its migrations. Detected, in this order: the Supabase CLI layout
 * ({@code supabase/migrations}, {@code supabase/rollbacks}, {@code supabase/seed.sql}), then the
 * plain one ({@code migrations/}, {@code rollbacks/}, {@code seed.sql}); otherwise none.
 *
 * @param kind          {@code supabase}, {@code plain} or {@code none}
 * @param migrations    in version order
 * @param seedFile      null when the project has none
 */
public record ProjectLayout(Path root, String kind, Path migrationsDir, Path rollbacksDir, Path seedFile,
                            List<MigrationFile> migrations) {

    /** The Supabase CLI's rule for migration file names. */
    public static final Pattern FILE_NAME = Pattern.compile("^([0-9]+)_(.*)\\.sql$");

    public ProjectLayout {
        migrations = List.copyOf(migrations);
    }

    public static ProjectLayout detect(Path root) {
        Path supabase = root.resolve("supabase");
        if (Files.isDirectory(supabase.resolve("migrations"))) {
            return read(root, "supabase", supabase);
        }
        if (Files.isDirectory(root.resolve("migrations"))) {
            return read(root, "plain", root);
        }
        return new ProjectLayout(root, "none", null, null, null, List.of());
    }

    public boolean isSupabase() {
        return kind.equals("supabase");
    }

    public long rollbackCount() {
        return migrations.stream().filter(m -> m.rollback() != null).count();
    }

    private static ProjectLayout read(Path root, String kind, Path base) {
        Path migrationsDir = base.resolve("migrations");
        Path rollbacksDir = base.resolve("rollbacks");
        Path seed = base.resolve("seed.sql");
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(migrationsDir)) {
            for (Path p : list.sorted().toList()) {
                Matcher m = FILE_NAME.matcher(p.getFileName().toString());
                if (Files.isRegularFile(p) && m.matches()) {
                    Path rollback = rollbacksDir.resolve(p.getFileName());
                    files.add(new MigrationFile(m.group(1), m.group(2), p, Files.isRegularFile(rollback) ? rollback : null));
                }
            }
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.CONFIG_INVALID, "Cannot list " + migrationsDir + ": " + e.getMessage(),
                    "Check the directory's permissions.");
        }
        files.sort(Comparator.comparing(MigrationFile::version));
        return new ProjectLayout(root, kind, migrationsDir, Files.isDirectory(rollbacksDir) ? rollbacksDir : null,
                Files.isRegularFile(seed) ? seed : null, files);
    }
}

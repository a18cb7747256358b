package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;

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
 * plain one ({@code migrations/}, {@code rollbacks/}, {@code seed.sql}); otherwise none. Each
 * directory may be set in drydock.yaml ({@code project.migrations}, {@code project.rollbacks},
 * {@code project.seed}); the layout is then {@code custom}. Read afresh by whoever needs the
 * current files: Drydock itself writes migrations into it.
 *
 * @param kind          {@code supabase}, {@code plain}, {@code custom} or {@code none}
 * @param migrationsDir where migrations are (or, for {@code none}, would be written: the Supabase layout)
 * @param rollbacksDir  where rollbacks are or would be written (it may not exist yet)
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
        return detect(root, DrydockConfig.Project.detect());
    }

    public static ProjectLayout of(DrydockConfig config) {
        return detect(config.projectDir(), config.project());
    }

    public static ProjectLayout detect(Path root, DrydockConfig.Project configured) {
        Path base = Files.isDirectory(root.resolve("supabase").resolve("migrations")) ? root.resolve("supabase")
                : Files.isDirectory(root.resolve("migrations")) ? root : null;
        String kind = base == null ? "none" : base.equals(root) ? "plain" : "supabase";
        if (configured.migrations() != null || configured.rollbacks() != null || configured.seed() != null) {
            kind = "custom";
        }
        Path defaultBase = base == null ? root.resolve("supabase") : base;
        Path migrationsDir = configured.migrations() != null ? root.resolve(configured.migrations())
                : defaultBase.resolve("migrations");
        Path migrationsBase = migrationsDir.getParent() == null ? root : migrationsDir.getParent();
        Path rollbacksDir = configured.rollbacks() != null ? root.resolve(configured.rollbacks())
                : migrationsBase.resolve("rollbacks");
        Path seed = configured.seed() != null ? root.resolve(configured.seed()) : migrationsBase.resolve("seed.sql");
        return read(root, kind, migrationsDir, rollbacksDir, seed);
    }

    /**
     * True when migrations expect Supabase's roles, schemas and auth functions: the Supabase CLI
     * layout, or any layout inside a project that has a {@code supabase/} directory.
     */
    public boolean isSupabase() {
        return kind.equals("supabase") || Files.isDirectory(root.resolve("supabase"));
    }

    public boolean exists() {
        return !kind.equals("none");
    }

    public long rollbackCount() {
        return migrations.stream().filter(m -> m.rollback() != null).count();
    }

    /** The newest migration's version, or null when there is none. */
    public String headVersion() {
        return migrations.isEmpty() ? null : migrations.get(migrations.size() - 1).version();
    }

    /** The migrations up to and including {@code version} (all of them when it is null). */
    public List<MigrationFile> upTo(String version) {
        return version == null ? migrations
                : migrations.stream().filter(m -> m.version().compareTo(version) <= 0).toList();
    }

    private static ProjectLayout read(Path root, String kind, Path migrationsDir, Path rollbacksDir, Path seed) {
        List<MigrationFile> files = new ArrayList<>();
        if (!Files.isDirectory(migrationsDir)) {
            return new ProjectLayout(root, kind, migrationsDir, rollbacksDir, Files.isRegularFile(seed) ? seed : null, files);
        }
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
        return new ProjectLayout(root, kind, migrationsDir, rollbacksDir, Files.isRegularFile(seed) ? seed : null, files);
    }
}

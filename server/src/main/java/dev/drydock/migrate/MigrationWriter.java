package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Writes a migration and its rollback into the project, named as the Supabase CLI names them
 * ({@code <version>_<name>.sql} in the migrations directory, the same name in the rollbacks
 * directory). Both files appear or neither does; an existing file is never overwritten.
 */
public final class MigrationWriter {
    /** A version as {@code supabase migration new} makes it: the UTC time, yyyyMMddHHmmss. */
    public static final Pattern VERSION = Pattern.compile("[0-9]{14}");
    /** Names become file names: letters, digits, {@code _} and {@code -} only. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** The two files written, absolute. */
    public record Written(Path migration, Path rollback) {
    }

    private MigrationWriter() {
    }

    /** A new version: the current UTC time, or one second after the newest migration when that is later. */
    public static String nextVersion(ProjectLayout layout, Clock clock) {
        String now = STAMP.format(clock.instant());
        String head = layout.headVersion();
        if (head == null || now.compareTo(head) > 0 || head.length() != 14) {
            return now;
        }
        return STAMP.format(java.time.LocalDateTime.parse(head, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                .plusSeconds(1).toInstant(ZoneOffset.UTC));
    }

    /**
     * Checks that {@code version} and {@code name} can become a new migration at the end of the
     * project's history: well formed, not taken, newer than every existing migration (the
     * Supabase CLI refuses to push a version older than the remote head).
     */
    public static void checkNew(ProjectLayout layout, String version, String name) {
        if (!VERSION.matcher(version).matches()) {
            throw invalid("version '" + version + "' is not a 14-digit UTC timestamp (yyyyMMddHHmmss).",
                    "Leave `version` out to get the current UTC time, or give one such as 20261121093000.");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid("name '" + name + "' cannot be a file name: use letters, digits, _ and - (at most 100).",
                    "Use a short snake_case description such as add_slug_to_posts.");
        }
        for (MigrationFile m : layout.migrations()) {
            if (m.version().equals(version)) {
                throw invalid("version " + version + " is taken by " + layout.root().relativize(m.path()) + ".",
                        "Leave `version` out to get a new one.");
            }
        }
        String head = layout.headVersion();
        if (head != null && version.compareTo(head) < 0) {
            throw invalid("version " + version + " is older than the project's newest migration " + head
                    + "; it would be applied out of order.", "Leave `version` out, or give one newer than " + head + ".");
        }
    }

    public static Written write(ProjectLayout layout, String version, String name, String up, String rollback) {
        checkNew(layout, version, name);
        String file = version + "_" + name + ".sql";
        Path migration = layout.migrationsDir().resolve(file);
        Path rollbackFile = layout.rollbacksDir().resolve(file);
        try {
            Files.createDirectories(layout.migrationsDir());
            Files.createDirectories(layout.rollbacksDir());
            place(rollbackFile, rollback);
            try {
                place(migration, up);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(rollbackFile);
                throw e;
            }
        } catch (FileAlreadyExistsException e) {
            throw invalid(layout.root().relativize(Path.of(e.getFile())) + " already exists; Drydock never overwrites "
                    + "a migration or rollback file.", "Leave `version` out to get a new one, or choose another name.");
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INTERNAL, "Cannot write " + file + " into " + layout.migrationsDir() + ": "
                    + e.getMessage(), "Check that the project directory is writable.");
        }
        return new Written(migration, rollbackFile);
    }

    /** Takes back files written by {@link #write} (when what had to follow them failed). */
    public static void remove(Written files) {
        try {
            Files.deleteIfExists(files.migration());
            Files.deleteIfExists(files.rollback());
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INTERNAL, "Cannot remove " + files.migration() + " and its rollback: "
                    + e.getMessage(), "Delete the two files by hand.");
        }
    }

    /** Writes a temporary file beside {@code path}, then moves it into place, refusing to replace one. */
    private static void place(Path path, String text) throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString());
        }
        Path tmp = Files.createTempFile(path.getParent(), ".drydock-", ".tmp");
        try {
            Files.writeString(tmp, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static DrydockException invalid(String message, String hint) {
        return new DrydockException(ErrorCode.INVALID_ARGUMENT, message, hint);
    }
}

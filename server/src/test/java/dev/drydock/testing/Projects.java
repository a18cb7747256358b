package dev.drydock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Temporary project directories for tests. */
public final class Projects {
    private Projects() {
    }

    /** A copy of examples/supabase-starter in a new temporary directory. */
    public static Path copyOfExample() {
        try {
            Path target = Files.createTempDirectory("drydock-project");
            Path source = TestPostgres.examplesDir().resolve("supabase-starter");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.filter(p -> !p.toString().contains(".drydock")).toList()) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty directory with {@code drydock.yaml} holding {@code yaml} (none when null). */
    public static Path withConfig(String yaml) {
        try {
            Path dir = Files.createTempDirectory("drydock-project");
            if (yaml != null) {
                Files.writeString(dir.resolve("drydock.yaml"), yaml);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.drydock.migrate;

import java.nio.file.Path;

/**
 * A migration file named {@code <version>_<name>.sql}, as the Supabase CLI names them.
 *
 * @param rollback the matching file in the rollbacks directory, or null when there is none
 */
public record MigrationFile(String version, String name, Path path, Path rollback) {
}

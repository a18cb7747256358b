package dev.drydock.branch;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.migrate.Checksums;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.ProjectLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Whether a project migration was proved by the branch cycle: evidence for exactly its bytes and
 * its rollback's bytes (SHA-256 of each file as it is on disk now), recorded on a branch whose
 * history was exactly the project's migration files before it (versions, names and bytes). Any
 * changed byte in the migration, its rollback or an earlier migration file finds nothing.
 */
public final class EvidenceCheck {
    private EvidenceCheck() {
    }

    /**
     * The newest matching evidence, or empty when there is none or {@code m} has no rollback (a
     * missing or blank rollback file). A branch server that cannot be read is a
     * {@link DrydockException}, never "not tested".
     */
    public static Optional<Evidence.Stored> find(BranchStore store, ProjectLayout layout, MigrationFile m) {
        if (!rollbackPresent(m)) {
            return Optional.empty();
        }
        String upSha = Checksums.sha256(m.path());
        String rollbackSha = Checksums.sha256(m.rollback());
        List<MigrationFile> before = layout.migrations().stream()
                .filter(p -> p.version().compareTo(m.version()) < 0).toList();
        String base = Evidence.baseSha256(before);
        try {
            return store.evidence(upSha, rollbackSha).stream().filter(e -> e.baseSha256().equals(base)).findFirst();
        } catch (SQLException e) {
            throw store.unusable(e);
        }
    }

    /** True when {@code m}'s rollback file exists and holds more than white space. */
    public static boolean rollbackPresent(MigrationFile m) {
        return m.rollback() != null && !read(m.rollback()).isBlank();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.CONFIG_INVALID, "Cannot read " + file + ": " + e.getMessage(),
                    "Check that the file exists and is readable.");
        }
    }
}

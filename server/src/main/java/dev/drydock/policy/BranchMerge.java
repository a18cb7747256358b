package dev.drydock.policy;

import dev.drydock.CallContext;
import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.branch.Branches;
import dev.drydock.branch.OwnMigration;
import dev.drydock.migrate.Checksums;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.MigrationWriter;
import dev.drydock.migrate.ProjectLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code merge_branch}: a branch's own tested migrations become project files (where they are not
 * already, byte for byte as tested), and, with a target, are applied through {@link Promoter} —
 * the same guards and engine as {@code apply_migration}, never a second path.
 */
public final class BranchMerge {

    /** One own migration and what merging did with its files: {@code written} or {@code present}. */
    public record MergedFile(String version, String name, String migration, String rollback, String state, long evidenceId) {
    }

    /** @param apply the guarded apply, when a target was given */
    public record Result(String branch, List<MergedFile> files, Promoter.Report apply) {
    }

    private final Branches branches;
    private final Promoter promoter;

    public BranchMerge(Branches branches, Promoter promoter) {
        this.branches = branches;
        this.promoter = promoter;
    }

    public Result merge(String branchName, String target, CallContext context,
                        java.util.function.Consumer<dev.drydock.audit.AuditRecord.Details> audit) {
        List<MergedFile> files = branches.locked(branchName, meta -> {
            branches.require(branchName);
            List<OwnMigration> own = branches.store().ownMigrations(branchName);
            if (own.isEmpty()) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Branch '" + branchName + "' has no migrations of its "
                        + "own to merge: apply_on_branch has not passed on it since it was built.",
                        "Prove a migration on it first.", "apply_on_branch with branch '" + branchName + "'");
            }
            return write(branchName, own);
        });
        Promoter.Report apply = target == null ? null
                : promoter.apply(target, files.get(files.size() - 1).version(), false, context, audit);
        return new Result(branchName, files, apply);
    }

    private List<MergedFile> write(String branch, List<OwnMigration> own) throws SQLException {
        List<MergedFile> out = new ArrayList<>();
        for (OwnMigration m : own) {
            ProjectLayout layout = branches.layout();
            Optional<MigrationFile> existing = layout.migrations().stream().filter(f -> f.version().equals(m.version()))
                    .findFirst();
            if (existing.isPresent()) {
                MigrationFile f = existing.get();
                String upSha = Checksums.sha256(bytes(f.path()));
                String rollbackSha = f.rollback() == null || !Files.exists(f.rollback()) ? null : Checksums.sha256(bytes(f.rollback()));
                if (!upSha.equals(m.upSha256()) || !m.rollbackSha256().equals(rollbackSha)) {
                    throw new DrydockException(ErrorCode.NOT_BRANCH_TESTED, "The project's files for version " + m.version()
                            + " (" + layout.root().relativize(f.path()) + ") differ from the migration branch '" + branch
                            + "' tested (up SHA-256 " + m.upSha256() + ", rollback " + m.rollbackSha256() + "; the files have "
                            + upSha + " and " + (rollbackSha == null ? "no rollback" : rollbackSha) + ").",
                            "Either restore the files as tested, or test the files as they are now on a rebased branch.",
                            "rebase_branch with branch '" + branch + "', then apply_on_branch with the files' SQL");
                }
                out.add(new MergedFile(m.version(), m.name(), rel(layout, f.path()), rel(layout, f.rollback()), "present",
                        m.evidenceId()));
            } else {
                MigrationWriter.Written w;
                try {
                    w = MigrationWriter.write(layout, m.version(), m.name(), m.up(), m.rollback());
                } catch (DrydockException e) {
                    throw new DrydockException(e.code(), "Cannot merge " + m.version() + "_" + m.name() + " from branch '"
                            + branch + "': " + e.getMessage(), "The project's history moved on since the branch was built: "
                            + "rebase the branch (its migrations are re-applied on top) and prove them again.",
                            "rebase_branch with branch '" + branch + "'");
                }
                out.add(new MergedFile(m.version(), m.name(), rel(layout, w.migration()), rel(layout, w.rollback()), "written",
                        m.evidenceId()));
            }
        }
        return out;
    }

    private static String rel(ProjectLayout layout, Path p) {
        return layout.root().relativize(p).toString();
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}

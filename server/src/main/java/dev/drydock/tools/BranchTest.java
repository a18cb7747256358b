package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.branch.BranchCycle;
import dev.drydock.branch.Branches;
import dev.drydock.migrate.ProjectLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * {@code drydock test}: the branch cycle for a migration written by hand, with nothing written into
 * the project. Not an MCP tool (agents use apply_on_branch); called through {@link Toolbox#test}.
 * A file already in the migrations directory is tested on a branch built from the history before
 * its version. Without {@code branch}, a temporary branch is made and deleted afterwards.
 */
public final class BranchTest implements ToolHandler {
    private final BranchCycle cycle;
    private final Branches branches;

    public BranchTest(BranchCycle cycle, Branches branches) {
        this.cycle = cycle;
        this.branches = branches;
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public ApplyOnBranchResult call(Arguments args) {
        Path file = Path.of(args.requiredString("path")).toAbsolutePath().normalize();
        String up = read(file, "migration");
        String rollback = read(Path.of(args.requiredString("rollback_path")).toAbsolutePath().normalize(), "rollback");
        ProjectLayout layout = branches.layout();
        Matcher m = ProjectLayout.FILE_NAME.matcher(file.getFileName().toString());
        boolean existing = m.matches() && file.getParent().equals(layout.migrationsDir().toAbsolutePath().normalize());
        String version = existing ? m.group(1) : args.string("version", null);
        String name = args.string("name", m.matches() ? m.group(2) : file.getFileName().toString().replaceFirst("\\.sql$", ""));
        BranchCycle.Mode mode = existing ? BranchCycle.Mode.TEST_EXISTING : BranchCycle.Mode.TEST;
        String branch = args.string("branch", null);
        if (branch != null) {
            return ApplyOnBranchResult.of(cycle.run(branch, name, version, up, rollback, mode, args.progress()), null, null);
        }
        String temporary = "test-" + UUID.randomUUID().toString().substring(0, 8);
        boolean seed = args.bool("seed", !existing);
        Branches.Built built = existing ? branches.createBefore(temporary, version, seed, args.progress())
                : branches.create(temporary, seed, args.progress());
        try {
            if (built.failure() != null) {
                throw new DrydockException(ErrorCode.MIGRATION_FAILED, "The project's history does not replay, so there is "
                        + "nothing to test on: " + built.failure().describe(), "Fix that migration file first.",
                        java.util.List.of("drydock branch create NAME, to see the failure"), built.failure().serverError(), null);
            }
            return ApplyOnBranchResult.of(cycle.run(temporary, name, version, up, rollback, mode, args.progress()), null, null);
        } finally {
            branches.delete(temporary);
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Cannot read the " + what + " file " + file + ": "
                    + e.getClass().getSimpleName() + ".", "Give the path of a readable .sql file.");
        }
    }
}

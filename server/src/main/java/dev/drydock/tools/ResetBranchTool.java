package dev.drydock.tools;

import dev.drydock.branch.Branches;

/** {@code reset_branch}: rebuilds a branch from the project's history, up to a version or the head. */
public final class ResetBranchTool implements ToolHandler {
    private final Branches branches;

    public ResetBranchTool(Branches branches) {
        this.branches = branches;
    }

    @Override
    public String name() {
        return "reset_branch";
    }

    @Override
    public BranchBuildResult call(Arguments args) {
        String branch = args.requiredString("branch");
        String version = args.string("version", null);
        return BranchBuildResult.of("reset", branches.reset(branch, version, args.progress()));
    }
}

package dev.drydock.tools;

import dev.drydock.branch.Branches;

/** {@code rebase_branch}: rebuilds a branch from the current project history, then re-applies its own migrations. */
public final class RebaseBranchTool implements ToolHandler {
    private final Branches branches;

    public RebaseBranchTool(Branches branches) {
        this.branches = branches;
    }

    @Override
    public String name() {
        return "rebase_branch";
    }

    @Override
    public BranchBuildResult call(Arguments args) {
        return BranchBuildResult.of("rebased", branches.rebase(args.requiredString("branch"), args.progress()));
    }
}

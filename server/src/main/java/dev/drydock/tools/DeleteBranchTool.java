package dev.drydock.tools;

import dev.drydock.branch.Branches;

/** {@code delete_branch}: drops a branch, or a leftover database that list_branches shows. */
public final class DeleteBranchTool implements ToolHandler {
    private final Branches branches;

    public DeleteBranchTool(Branches branches) {
        this.branches = branches;
    }

    @Override
    public String name() {
        return "delete_branch";
    }

    @Override
    public DeleteBranchResult call(Arguments args) {
        return new DeleteBranchResult(branches.deleteAny(args.requiredString("branch")));
    }
}

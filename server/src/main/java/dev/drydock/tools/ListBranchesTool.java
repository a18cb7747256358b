package dev.drydock.tools;

import dev.drydock.branch.Branches;

/** {@code list_branches}: every branch, the cached templates, and databases left behind by a crash. */
public final class ListBranchesTool implements ToolHandler {
    private final Branches branches;

    public ListBranchesTool(Branches branches) {
        this.branches = branches;
    }

    @Override
    public String name() {
        return "list_branches";
    }

    @Override
    public ListBranchesResult call(Arguments args) {
        return ListBranchesResult.of(branches.list(), branches.server().description());
    }
}

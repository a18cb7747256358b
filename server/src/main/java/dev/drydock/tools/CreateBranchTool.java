package dev.drydock.tools;

import dev.drydock.branch.Branches;

/** {@code create_branch}: a database built from the project's migration history (and seed). */
public final class CreateBranchTool implements ToolHandler {
    private final Branches branches;

    public CreateBranchTool(Branches branches) {
        this.branches = branches;
    }

    @Override
    public String name() {
        return "create_branch";
    }

    @Override
    public BranchBuildResult call(Arguments args) {
        String name = args.requiredString("name");
        boolean seed = args.bool("seed", true);
        return BranchBuildResult.of("created", branches.create(name, seed, args.progress()));
    }
}

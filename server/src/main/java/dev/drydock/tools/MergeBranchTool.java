package dev.drydock.tools;

import dev.drydock.policy.BranchMerge;

/** {@code merge_branch}: a branch's proved migrations into the project, and onto a target through the guarded apply. */
public final class MergeBranchTool implements ToolHandler {
    private final BranchMerge merge;

    public MergeBranchTool(BranchMerge merge) {
        this.merge = merge;
    }

    @Override
    public String name() {
        return "merge_branch";
    }

    @Override
    public MergeBranchResult call(Arguments args) {
        return MergeBranchResult.of(merge.merge(args.requiredString("branch"), args.string("target", null), args.context(),
                args::noteAudit));
    }
}

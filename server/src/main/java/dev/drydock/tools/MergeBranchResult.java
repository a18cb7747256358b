package dev.drydock.tools;

import dev.drydock.policy.BranchMerge;

import java.util.List;

/** What {@code merge_branch} did: each own migration's files, and the guarded apply when a target was given. */
public record MergeBranchResult(String branch, List<BranchMerge.MergedFile> files, PromotionResult apply)
        implements ToolOutput {

    static MergeBranchResult of(BranchMerge.Result r) {
        return new MergeBranchResult(r.branch(), r.files(), r.apply() == null ? null : PromotionResult.of(r.apply()));
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("MERGED: branch '" + branch + "': " + files.size() + " migration(s) in the project");
        for (BranchMerge.MergedFile f : files) {
            out.append("\n  ").append(f.migration()).append(" (").append(f.state()).append(", evidence #")
                    .append(f.evidenceId()).append(')');
        }
        if (apply != null) {
            out.append('\n').append(apply.text());
        } else {
            out.append("\nNext step: apply_migration with a target, or commit the files for review");
        }
        return out.toString();
    }
}

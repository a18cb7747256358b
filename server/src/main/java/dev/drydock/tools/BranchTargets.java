package dev.drydock.tools;

import dev.drydock.db.Target;

/** Resolves a branch name to its database, as a target that is never protected. */
@FunctionalInterface
public interface BranchTargets {
    String PREFIX = "branch:";

    /** @throws dev.drydock.DrydockException {@code BRANCH_NOT_FOUND} when there is no such branch */
    Target target(String branch);

    static boolean isBranch(Target t) {
        return t.name().startsWith(PREFIX);
    }
}

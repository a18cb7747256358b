package dev.drydock.tools;

import dev.drydock.branch.Branch;
import dev.drydock.branch.Branches;
import dev.drydock.migrate.StatementFailure;

import java.util.List;

/**
 * What {@code create_branch}, {@code reset_branch} and {@code rebase_branch} report: the branch as
 * built, where its history stops, and how long the template and the clone took.
 *
 * @param status  {@code MIGRATIONS_PASSED}, or {@code MIGRATIONS_FAILED} with {@code failure}
 * @param failure the file, statement, line and PostgreSQL error that stopped the replay
 */
public record BranchBuildResult(String action, String branch, String status, String database, String headVersion,
                                int baseMigrations, List<String> ownMigrations, boolean seed, boolean templateCached,
                                boolean spareUsed, Timings timings, StatementFailure failure) implements ToolOutput {

    /** Milliseconds: replaying into the template (0 when cached), cloning it (renaming the spare), in all. */
    public record Timings(long templateMs, long cloneMs, long totalMs) {
    }

    static BranchBuildResult of(String action, Branches.Built built) {
        Branch b = built.branch();
        return new BranchBuildResult(action, b.name(), b.status(), b.database(), b.headVersion(), b.base().size(),
                built.ownReapplied(), b.seed(), built.templateCached(), built.spareUsed(),
                new Timings(built.templateCached() ? 0 : built.templateMillis(), built.cloneMillis(), built.totalMillis()),
                built.failure());
    }

    @Override
    public String text() {
        if (failure != null) {
            return Branch.FAILED + ": branch '" + branch + "' stopped replaying the project's migrations at " + failure.describe()
                    + "\nStatement: " + failure.statement()
                    + "\nThe branch keeps the migrations before it, for inspection with execute_sql."
                    + "\nNext step: fix that migration file, then reset_branch with branch '" + branch + "'";
        }
        return Branch.PASSED + ": branch '" + branch + "' " + action + " at " + (headVersion == null ? "an empty history"
                : "version " + headVersion) + " (" + baseMigrations + " project migration(s)"
                + (ownMigrations.isEmpty() ? "" : ", own re-applied: " + String.join(", ", ownMigrations))
                + (seed ? ", seeded" : ", no seed") + ") in " + timings.totalMs() + " ms ("
                + (templateCached ? "template cached" : "template built in " + timings.templateMs() + " ms") + ", "
                + (spareUsed ? "spare clone renamed in " : "clone ") + timings.cloneMs() + " ms).\nUse it with apply_on_branch, or execute_sql with branch '" + branch + "'.";
    }
}

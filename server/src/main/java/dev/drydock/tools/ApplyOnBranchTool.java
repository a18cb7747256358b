package dev.drydock.tools;

import dev.drydock.branch.BranchCycle;
import dev.drydock.branch.Branches;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.SqlErrors;
import dev.drydock.typegen.TypesFreshness;

import java.sql.Connection;
import java.sql.SQLException;

/** {@code apply_on_branch}: the branch cycle for one migration and its rollback; files and evidence on success. */
public final class ApplyOnBranchTool implements ToolHandler {
    private final BranchCycle cycle;
    private final Branches branches;
    private final DrydockConfig config;

    public ApplyOnBranchTool(BranchCycle cycle, Branches branches, DrydockConfig config) {
        this.cycle = cycle;
        this.branches = branches;
        this.config = config;
    }

    @Override
    public String name() {
        return "apply_on_branch";
    }

    @Override
    public ApplyOnBranchResult call(Arguments args) {
        String branch = args.requiredString("branch");
        String name = args.requiredString("name");
        String sql = args.requiredString("sql");
        String rollback = args.string("rollback_sql", null);
        String version = args.string("version", null);
        BranchCycle.Passed passed = cycle.run(branch, name, version, sql, rollback, args.progress());
        TypesFreshness.Report types;
        try (Connection c = branches.connect(branches.require(branch))) {
            types = TypesFreshness.check(config, c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "branch:" + branch, branches.server().redactor());
        }
        return ApplyOnBranchResult.of(passed, types == null ? null : types.stale(), types == null ? null : types.file());
    }
}

package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.migrate.MigrationPlanner;

/** {@code plan_migration}: the plan an agent and a reviewer read before anything runs. */
public final class PlanMigrationTool implements ToolHandler {
    private final MigrationPlanner planner;

    public PlanMigrationTool(MigrationPlanner planner) {
        this.planner = planner;
    }

    @Override
    public String name() {
        return "plan_migration";
    }

    @Override
    public PlanMigrationResult call(Arguments args) {
        String sql = args.string("sql", null);
        if (sql == null || sql.isBlank()) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT,
                    "plan_migration needs `sql`: the migration's SQL text" + (sql == null ? "." : " (it was blank)."),
                    "Pass the up migration as `sql`, and its rollback as `rollback_sql` if you wrote one.",
                    "plan_migration with sql set to the migration text");
        }
        String rollback = args.string("rollback_sql", null);
        if (rollback != null && rollback.isBlank()) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "plan_migration: `rollback_sql` is blank.",
                    "Leave rollback_sql out to have Drydock derive a rollback, or pass the rollback's SQL text.",
                    "plan_migration without rollback_sql");
        }
        String target = args.string("target", null);
        MigrationPlanner.Request request = new MigrationPlanner.Request(sql, rollback,
                target == null || target.isBlank() ? null : target);
        return PlanMigrationResult.of(planner.plan(request));
    }
}

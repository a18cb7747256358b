package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.ReadOnlyQuery;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;
import dev.drydock.lint.BlockedCheck;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** {@code execute_sql}: one read-only statement on a target; rows returned as untrusted data. */
public final class ExecuteSqlTool implements ToolHandler {
    public static final int DEFAULT_MAX_ROWS = 100;

    private final DrydockConfig config;
    private final Databases databases;
    private final ReadOnlyQuery query;
    private final Redactor redactor;
    private final BlockedCheck blocked;
    private final BranchTargets branches;

    public ExecuteSqlTool(DrydockConfig config, Databases databases, ReadOnlyQuery query, Redactor redactor,
                          BlockedCheck blocked, BranchTargets branches) {
        this.blocked = blocked;
        this.branches = branches;
        this.config = config;
        this.databases = databases;
        this.query = query;
        this.redactor = redactor;
    }

    @Override
    public String name() {
        return "execute_sql";
    }

    @Override
    public ExecuteSqlResult call(Arguments args) {
        Target target = args.target(config, branches);
        String sql = args.requiredString("sql");
        int maxRows = args.integer("max_rows", DEFAULT_MAX_ROWS, 1, ReadOnlyQuery.HARD_MAX_ROWS);
        boolean onBranch = BranchTargets.isBranch(target);
        boolean allowDestructive = args.bool("allow_destructive", false);
        if (allowDestructive && !onBranch) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "allow_destructive applies to branches only; on target '"
                    + target.name() + "' execute_sql only reads.", "Leave allow_destructive out, or name a branch.",
                    "execute_sql with branch set to a branch from list_branches");
        }
        if (!allowDestructive && onBranch) {
            blocked.refuseBlocked(sql, "execute_sql again with allow_destructive: true, if the branch's data may go "
                    + "(branches are throwaway; targets never take it)");
        } else if (!allowDestructive) {
            blocked.refuseBlocked(sql);
        }
        if (onBranch) {
            return onBranch(target, sql, maxRows);
        }
        ReadOnlyQuery.Checked checked = ReadOnlyQuery.check(sql);
        try (Connection c = databases.openForRead(target)) {
            ReadOnlyQuery.Rows rows = query.run(c, target.name(), checked, maxRows, config.readStatementTimeout(), redactor);
            return new ExecuteSqlResult(ExecuteSqlResult.NOTICE, "untrusted-data-" + UUID.randomUUID(), target.name(),
                    rows.columns(), rows.rows(), rows.rows().size(), rows.truncated(), null);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
    }

    /** On a branch: one statement, writes allowed, committed at once (a branch is throwaway). */
    private ExecuteSqlResult onBranch(Target branch, String sql, int maxRows) {
        try (Connection c = java.sql.DriverManager.getConnection(branch.url().jdbcUrl(), branch.url().credentials())) {
            ReadOnlyQuery.Rows rows = query.runWritable(c, branch.name(), sql, maxRows, config.readStatementTimeout(), redactor);
            return new ExecuteSqlResult(ExecuteSqlResult.NOTICE, "untrusted-data-" + UUID.randomUUID(), branch.name(),
                    rows.columns(), rows.rows(), rows.rows().size(), rows.truncated(),
                    rows.rowsAffected() >= 0 ? rows.rowsAffected() : null);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, branch.name(), redactor);
        }
    }
}

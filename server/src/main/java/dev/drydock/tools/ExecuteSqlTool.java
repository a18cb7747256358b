package dev.drydock.tools;

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

    public ExecuteSqlTool(DrydockConfig config, Databases databases, ReadOnlyQuery query, Redactor redactor,
                          BlockedCheck blocked) {
        this.blocked = blocked;
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
        Target target = args.target(config);
        String sql = args.requiredString("sql");
        int maxRows = args.integer("max_rows", DEFAULT_MAX_ROWS, 1, ReadOnlyQuery.HARD_MAX_ROWS);
        blocked.refuseBlocked(sql);
        ReadOnlyQuery.Checked checked = ReadOnlyQuery.check(sql);
        try (Connection c = databases.openForRead(target)) {
            ReadOnlyQuery.Rows rows = query.run(c, target.name(), checked, maxRows, config.readStatementTimeout(), redactor);
            return new ExecuteSqlResult(ExecuteSqlResult.NOTICE, "untrusted-data-" + UUID.randomUUID(), target.name(),
                    rows.columns(), rows.rows(), rows.rows().size(), rows.truncated());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
    }
}

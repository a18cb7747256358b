package dev.drydock.tools;

import dev.drydock.branch.Branches;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.TargetHistory;

import java.sql.Connection;
import java.sql.SQLException;

/** {@code list_migrations}: the project's migration files against a target's applied history. */
public final class ListMigrationsTool implements ToolHandler {
    private final DrydockConfig config;
    private final Databases databases;
    private final Redactor redactor;
    private final Branches branches;

    /** @param branches where the project layout is read afresh, and the evidence store behind {@code branchTested} */
    public ListMigrationsTool(DrydockConfig config, Databases databases, Redactor redactor, Branches branches) {
        this.config = config;
        this.databases = databases;
        this.redactor = redactor;
        this.branches = branches;
    }

    @Override
    public String name() {
        return "list_migrations";
    }

    @Override
    public ListMigrationsResult call(Arguments args) {
        Target target = args.target(config);
        ProjectLayout layout = branches.layout();
        TargetHistory history;
        try (Connection c = databases.openForRead(target)) {
            history = TargetHistory.read(c, layout, branches.store());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
        return ListMigrationsResult.of(target.name(), layout, history);
    }
}

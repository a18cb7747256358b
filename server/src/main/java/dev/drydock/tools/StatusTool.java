package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.Version;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Target;
import dev.drydock.migrate.LocalBootstrap;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.SupabaseHistory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code status}: version, project layout, and each target's reachability and migration state. */
public final class StatusTool implements ToolHandler {
    private final DrydockConfig config;
    private final Databases databases;
    private final Supplier<LocalBootstrap.Outcome> bootstrap;

    public StatusTool(DrydockConfig config, Databases databases, Supplier<LocalBootstrap.Outcome> bootstrap) {
        this.config = config;
        this.databases = databases;
        this.bootstrap = bootstrap;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public StatusResult call(Arguments args) {
        ProjectLayout layout = ProjectLayout.detect(config.projectDir());
        List<StatusResult.TargetStatus> targets = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Target t : config.targets()) {
            targets.add(probe(t, layout, warnings));
        }
        LocalBootstrap.Outcome outcome = bootstrap.get();
        if (outcome.failure() != null) {
            warnings.add("Bringing the local database to the migration head failed: " + outcome.failure());
        }
        return new StatusResult(Version.current(), project(layout), config.defaultTarget(), targets,
                config.branchServerUrl() == null ? "embedded" : config.branchServerUrl().redacted(), warnings);
    }

    private static StatusResult.Project project(ProjectLayout layout) {
        return new StatusResult.Project(layout.root().toString(), layout.kind(), relative(layout, layout.migrationsDir()),
                relative(layout, layout.rollbacksDir()), relative(layout, layout.seedFile()), layout.migrations().size(),
                (int) layout.rollbackCount());
    }

    private static String relative(ProjectLayout layout, java.nio.file.Path p) {
        return p == null ? null : layout.root().relativize(p).toString();
    }

    private StatusResult.TargetStatus probe(Target t, ProjectLayout layout, List<String> warnings) {
        try (Connection c = databases.open(t); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_database()")) {
            rs.next();
            String version = rs.getString(1);
            String database = rs.getString(2);
            Set<String> applied = SupabaseHistory.appliedVersions(c);
            int pending = (int) layout.migrations().stream().map(MigrationFile::version).filter(v -> !applied.contains(v)).count();
            boolean superuserReads = readsAsSuperuser(t);
            if (superuserReads && !t.isEmbedded()) {
                warnings.add("execute_sql on target '" + t.name() + "' reads as a superuser; set targets." + t.name()
                        + ".readUrl in drydock.yaml to a role with read-only grants.");
            }
            return new StatusResult.TargetStatus(t.name(), t.isProtected(), t.isEmbedded(), true, version, database,
                    databases.address(t).redacted(), t.readUrl() == null ? null : t.readUrl().redacted(), superuserReads,
                    applied.size(), pending, null);
        } catch (DrydockException | SQLException e) {
            return new StatusResult.TargetStatus(t.name(), t.isProtected(), t.isEmbedded(), false, null, null,
                    t.isEmbedded() ? null : t.url().redacted(), t.readUrl() == null ? null : t.readUrl().redacted(), null,
                    null, null, e.getMessage());
        }
    }

    private boolean readsAsSuperuser(Target t) throws SQLException {
        try (Connection c = databases.openForRead(t); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}

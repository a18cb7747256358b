package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.Version;
import dev.drydock.config.ConfigLoader;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code status}: version, project layout, and each target's reachability and migration state. */
public final class StatusTool implements ToolHandler {
    private final DrydockConfig config;
    private final Databases databases;
    private final Supplier<LocalBootstrap.Outcome> bootstrap;
    private final Redactor redactor;

    public StatusTool(DrydockConfig config, Databases databases, Supplier<LocalBootstrap.Outcome> bootstrap,
                      Redactor redactor) {
        this.config = config;
        this.databases = databases;
        this.bootstrap = bootstrap;
        this.redactor = redactor;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public StatusResult call(Arguments args) {
        ProjectLayout layout = ProjectLayout.of(config);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        // One thread per target for this call: probes block on the network, so they must neither
        // wait for one another nor occupy the common pool.
        ExecutorService pool = Executors.newFixedThreadPool(config.targets().size());
        List<StatusResult.TargetStatus> targets;
        try {
            List<CompletableFuture<StatusResult.TargetStatus>> probes = config.targets().stream()
                    .map(t -> CompletableFuture.supplyAsync(() -> probe(t, layout, warnings), pool)).toList();
            targets = probes.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        LocalBootstrap.Outcome outcome = bootstrap.get();
        if (outcome.failure() != null) {
            warnings.add(ErrorCode.BOOTSTRAP_FAILED + ": bringing the local database to the migration head failed: "
                    + outcome.failure() + " Fix the file and restart Drydock; the migrations before it stay applied.");
        }
        return new StatusResult(Version.current(), project(layout), config.defaultTarget(), targets,
                config.branchServerUrl() == null ? "embedded" : config.branchServerUrl().redacted(), warnings);
    }

    private static StatusResult.Project project(ProjectLayout layout) {
        return new StatusResult.Project(layout.root().toString(), layout.kind(),
                layout.exists() ? relative(layout, layout.migrationsDir()) : null,
                java.nio.file.Files.isDirectory(layout.rollbacksDir()) ? relative(layout, layout.rollbacksDir()) : null,
                relative(layout, layout.seedFile()), layout.migrations().size(),
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
            Set<String> applied = applied(c, t, warnings);
            Integer pending = applied == null ? null : (int) layout.migrations().stream().map(MigrationFile::version)
                    .filter(v -> !applied.contains(v)).count();
            Boolean superuserReads = readsAsSuperuser(t, warnings);
            if (Boolean.TRUE.equals(superuserReads) && !t.isEmbedded()) {
                warnings.add("execute_sql on target '" + t.name() + "' reads as a superuser; set targets." + t.name()
                        + ".readUrl in drydock.yaml to a role with read-only grants"
                        + (t.name().equals(ConfigLoader.DEFAULT_URL_TARGET)
                        ? " (declare the target under `targets:` instead of --database-url to give it one)." : "."));
            }
            return new StatusResult.TargetStatus(t.name(), t.isProtected(), t.isEmbedded(), true, version, database,
                    databases.address(t).redacted(), t.readUrl() == null ? null : t.readUrl().redacted(), superuserReads,
                    applied == null ? null : applied.size(), pending, null);
        } catch (DrydockException | SQLException e) {
            return new StatusResult.TargetStatus(t.name(), t.isProtected(), t.isEmbedded(), false, null, null,
                    t.isEmbedded() ? null : t.url().redacted(), t.readUrl() == null ? null : t.readUrl().redacted(), null,
                    null, null, message(e, t));
        }
    }

    /** The target's applied versions; null, with a warning, when its history cannot be read. */
    private Set<String> applied(Connection c, Target t, List<String> warnings) {
        try {
            return SupabaseHistory.appliedVersions(c);
        } catch (SQLException e) {
            warnings.add("Target '" + t.name() + "' is reachable, but its migration history "
                    + "(supabase_migrations.schema_migrations) cannot be read: " + message(e, t));
            return null;
        }
    }

    /** What went wrong, as every tool reports it: PostgreSQL's fields translated, secrets removed. */
    private String message(Exception e, Target t) {
        return e instanceof SQLException sql ? SqlErrors.translate(sql, t.name(), redactor).getMessage() : e.getMessage();
    }

    /** Null, with a warning, when the read address fails although the main one works. */
    private Boolean readsAsSuperuser(Target t, List<String> warnings) {
        try (Connection c = databases.openForRead(t); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } catch (DrydockException | SQLException e) {
            warnings.add("Target '" + t.name() + "' is reachable, but its readUrl is not, so execute_sql and list_tables "
                    + "fail there: " + message(e, t));
            return null;
        }
    }
}

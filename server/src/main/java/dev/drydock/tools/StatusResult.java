package dev.drydock.tools;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What {@code status} reports. */
public record StatusResult(String version, Project project, String defaultTarget, List<TargetStatus> targets,
                           String branchServer, List<String> warnings) implements ToolOutput {

    /** The migration files Drydock found; paths relative to the project root. */
    public record Project(String root, String layout, String migrationsDir, String rollbacksDir, String seedFile,
                          int migrations, int rollbacks) {
    }

    /**
     * One target. {@code url} has its password redacted. Migration counts come from
     * {@code supabase_migrations.schema_migrations}; {@code error} says why it is unreachable.
     */
    public record TargetStatus(String name, @JsonProperty("protected") boolean isProtected, boolean embedded, boolean reachable,
                               String serverVersion, String database, String url, String readUrl,
                               Boolean readsAsSuperuser, Integer appliedMigrations, Integer pendingMigrations,
                               String error) {
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("Drydock ").append(version).append('\n');
        out.append("Project: ").append(project.root()).append(" (").append(project.layout()).append(" layout");
        if (!project.layout().equals("none")) {
            out.append(": ").append(count(project.migrations(), "migration")).append(" in ").append(project.migrationsDir())
                    .append(", ").append(count(project.rollbacks(), "rollback"))
                    .append(project.seedFile() == null ? ", no seed" : ", seed " + project.seedFile());
        }
        out.append(")\nTargets:\n");
        TextTable table = new TextTable().row("NAME", "STATE", "POSTGRES", "DATABASE", "APPLIED", "PENDING", "URL");
        for (TargetStatus t : targets) {
            String name = t.name() + (t.name().equals(defaultTarget) ? " (default)" : "")
                    + (t.isProtected() ? " [protected]" : "") + (t.embedded() ? " [embedded]" : "");
            table.row(name, t.reachable() ? "reachable" : "UNREACHABLE", t.serverVersion(), t.database(),
                    str(t.appliedMigrations()), str(t.pendingMigrations()), t.url());
        }
        out.append(table.render("  "));
        for (TargetStatus t : targets) {
            if (t.error() != null) {
                out.append("  ").append(t.name()).append(": ").append(t.error()).append('\n');
            }
        }
        out.append("Branch server: ").append(branchServer).append('\n');
        warnings.forEach(w -> out.append("Warning: ").append(w).append('\n'));
        return out.toString().stripTrailing();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String str(Integer i) {
        return i == null ? "-" : i.toString();
    }
}

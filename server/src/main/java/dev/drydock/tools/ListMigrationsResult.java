package dev.drydock.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.migrate.MigrationFile;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.TargetHistory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code list_migrations} returns: every version, local and applied, with its state, and the
 * next steps when something needs attention.
 *
 * @param nextSteps what to do about pending, drifted, missing or out-of-order versions; empty when nothing
 */
public record ListMigrationsResult(String target, String migrationsDirectory, Counts counts, List<Migration> migrations,
                                   List<String> nextSteps) implements ToolOutput {

    /** Entries per state; a drifted migration is applied but counted under {@code drifted} only. */
    public record Counts(int applied, int pending, @JsonProperty("missing_locally") int missingLocally, int drifted) {
    }

    /** One version; {@code appliedAt} is an ISO-8601 timestamp. */
    public record Migration(String version, String name, String state, boolean applied, boolean local, boolean drifted,
                            boolean rollbackPresent, boolean branchTested, Long evidenceId, String appliedAt,
                            String appliedBy, String file, String rollbackFile) {
    }

    static ListMigrationsResult of(String target, ProjectLayout layout, TargetHistory h) {
        List<Migration> migrations = h.entries().stream().map(e -> new Migration(e.version(), e.name(), e.state(),
                e.applied(), e.local(), e.drifted(), e.rollbackPresent(), e.branchTested(), e.evidenceId(),
                e.appliedAt() == null ? null : e.appliedAt().toString(), e.appliedBy(), e.file(), e.rollbackFile())).toList();
        Counts counts = new Counts(h.count(TargetHistory.APPLIED), h.count(TargetHistory.PENDING),
                h.count(TargetHistory.MISSING_LOCALLY), h.count(TargetHistory.DRIFTED));
        String dir = layout.root().toAbsolutePath().normalize().relativize(layout.migrationsDir().toAbsolutePath().normalize())
                .toString();
        return new ListMigrationsResult(target, dir, counts, migrations, nextSteps(target, layout, h));
    }

    /**
     * In the order the apply guards check: drift and missing files, then order; then, when none of those
     * stands in the way, the branch-tested pending migrations to apply; then what the untested ones need.
     */
    private static List<String> nextSteps(String target, ProjectLayout layout, TargetHistory h) {
        List<String> out = new ArrayList<>();
        for (TargetHistory.Entry e : h.drifted()) {
            out.add(e.file() + " changed after it was applied to '" + target + "': restore it from version control "
                    + "(git checkout -- " + e.file() + ") and put the change in a new migration with apply_on_branch; "
                    + "apply_migration refuses with HISTORY_DRIFT until then");
        }
        for (TargetHistory.Entry e : h.missingLocally()) {
            out.add("version " + e.version() + " is applied on '" + target + "' but has no file in the project: restore it "
                    + "from version control, or read what was applied with execute_sql: select statements from "
                    + "supabase_migrations.schema_migrations where version = '" + e.version() + "'");
        }
        for (MigrationFile m : h.outOfOrder()) {
            out.add("version " + m.version() + " is older than " + h.newestApplied() + ", the newest applied on '" + target
                    + "' (supabase db push refuses it too): give it a newer version, then prove it again with create_branch "
                    + "and apply_on_branch");
        }
        List<TargetHistory.Entry> pending = h.entries().stream().filter(e -> e.state().equals(TargetHistory.PENDING)).toList();
        List<TargetHistory.Entry> ready = out.isEmpty() ? pending.stream().takeWhile(TargetHistory.Entry::branchTested).toList()
                : List.of();
        if (!ready.isEmpty()) {
            out.add("apply_migration with target '" + target + "', version '" + ready.get(ready.size() - 1).version()
                    + "' and dry_run: true, to see what would run (" + ready.size() + " branch-tested migration(s))");
        }
        List<TargetHistory.Entry> untested = pending.stream().filter(e -> !e.branchTested()).toList();
        for (TargetHistory.Entry e : untested) {
            String rollback = e.rollbackFile() != null ? e.rollbackFile() : layout.root().toAbsolutePath().normalize()
                    .relativize(layout.rollbacksDir().toAbsolutePath().normalize().resolve(Path.of(e.file()).getFileName()))
                    .toString();
            String test = "drydock test " + e.file() + " --rollback " + rollback;
            out.add(e.rollbackPresent()
                    ? e.file() + " has no branch evidence for its current bytes and the files before it: " + test
                    : e.file() + " has no rollback: write " + rollback + " (the SQL that undoes it), then " + test);
        }
        return out;
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("Target '" + target + "': " + counts.applied() + " applied, " + counts.pending()
                + " pending, " + counts.missingLocally() + " missing locally, " + counts.drifted() + " drifted ("
                + migrationsDirectory + ")\n");
        if (!migrations.isEmpty()) {
            TextTable t = new TextTable().row("VERSION", "NAME", "STATE", "ROLLBACK", "TESTED", "APPLIED AT", "BY");
            migrations.forEach(m -> t.row(m.version(), m.name() == null ? "-" : m.name(), m.state(),
                    m.rollbackPresent() ? "yes" : "NO", m.branchTested() ? "yes" : "no",
                    m.appliedAt() == null ? "-" : m.appliedAt(), m.appliedBy() == null ? "-" : m.appliedBy()));
            out.append(t.render("  "));
        }
        nextSteps.forEach(s -> out.append("Next step: ").append(s).append('\n'));
        return out.toString().stripTrailing();
    }
}

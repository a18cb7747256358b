package dev.drydock.tools;

import dev.drydock.audit.AuditRecord;
import dev.drydock.audit.Audited;
import dev.drydock.branch.BranchCycle;

import java.util.List;
import java.util.Map;

/**
 * What a passed {@code apply_on_branch} reports: the files written, the evidence recorded, each
 * step as it ran, the checks that held, and whether the project's types file is now stale.
 *
 * @param rowCounts  per table the migration touches: rows before and after it
 * @param unrestoredChanges changes the up made to existing rows (a trigger stamping updated_at…) that the rollback
 *                          leaves in place: reported, not refused, because no rollback can take them back
 * @param typesStale null when no types.out is configured
 */
public record ApplyOnBranchResult(String status, String branch, String version, String name, Files files, long evidenceId,
                                  Checksums checksums, Snapshots snapshots, List<BranchCycle.StepRun> steps,
                                  long standaloneSteps, Map<String, RowCount> rowCounts, List<String> notValidConstraints,
                                  List<String> unrestoredChanges,
                                  Map<String, Long> timings, Boolean typesStale, String typesFile)
        implements ToolOutput, Audited {

    public record Files(String migration, String rollback) {
    }

    public record Checksums(String up, String rollback) {
    }

    public record Snapshots(String before, String after) {
    }

    public record RowCount(long before, long after) {
    }

    static ApplyOnBranchResult of(BranchCycle.Passed p, Boolean typesStale, String typesFile) {
        Map<String, RowCount> counts = new java.util.LinkedHashMap<>();
        p.rowCounts().forEach((t, c) -> counts.put(t, new RowCount(c[0], c[1])));
        return new ApplyOnBranchResult("ROUND_TRIP_PASSED", p.branch(), p.version(), p.name(),
                new Files(p.migrationFile(), p.rollbackFile()), p.evidenceId(), new Checksums(p.upSha256(), p.rollbackSha256()),
                new Snapshots(p.snapshotBefore(), p.snapshotAfter()), p.steps(), p.standaloneSteps(), counts,
                p.notValidConstraints(), p.unrestoredChanges(), p.timings(), typesStale, typesFile);
    }

    /** For the audit record: the migration tested, with the checksums its evidence holds. */
    @Override
    public AuditRecord.Details auditDetails() {
        return AuditRecord.Details.of(new AuditRecord.Migration(version, name, checksums.up(), checksums.rollback()));
    }

    @Override
    public String text() {
        StringBuilder out = new StringBuilder("ROUND_TRIP_PASSED: " + version + "_" + name + " on branch '" + branch
                + "': up → rollback restored the schema and data → up again gave the same schema ("
                + timings.getOrDefault("total", 0L) + " ms).\n");
        if (files.migration() != null) {
            out.append("Wrote ").append(files.migration()).append(" and ").append(files.rollback()).append("; ");
        } else {
            out.append("No files written; ");
        }
        out.append("evidence #").append(evidenceId).append(" recorded.\n");
        if (standaloneSteps > 0) {
            out.append(standaloneSteps).append(" statement(s) ran outside a transaction, as their own steps.\n");
        }
        rowCounts.forEach((t, c) -> out.append("  ").append(t).append(": ").append(c.before()).append(" rows before, ")
                .append(c.after()).append(" after\n"));
        if (!notValidConstraints.isEmpty()) {
            out.append("NOT VALID constraints (validate them in a later migration): ")
                    .append(String.join(", ", notValidConstraints)).append('\n');
        }
        unrestoredChanges.forEach(w -> out.append("Warning: ").append(w).append('\n'));
        if (Boolean.TRUE.equals(typesStale)) {
            out.append("Types in ").append(typesFile).append(" are stale: generate_types with branch '").append(branch)
                    .append("' and out '").append(typesFile).append("' refreshes them.\n");
        }
        return out.toString().stripTrailing();
    }
}

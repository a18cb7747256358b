package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.branch.BranchStore;
import dev.drydock.branch.Evidence;
import dev.drydock.branch.EvidenceCheck;
import dev.drydock.sql.Splitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A target's migration history as Drydock sees it: every version of the project's files and of
 * the target's {@code supabase_migrations.schema_migrations}, side by side, with what Drydock's
 * {@code drydock.migration_log} adds (checksums, when, by whom). A version is {@code applied},
 * {@code pending} (a local file not applied), {@code missing_locally} (applied, no file) or
 * {@code drifted} (applied, and the file is no longer what was applied: its statements, split as
 * the Supabase CLI splits them, differ from the recorded {@code statements}, or its SHA-256
 * differs from the log's {@code up_sha256}). A NULL {@code statements} with no log row (an older
 * CLI) cannot show drift. Only {@code schema_migrations} decides what is applied: a log row
 * without one (an apply stopped part-way) leaves the version pending.
 */
public final class TargetHistory {
    public static final String APPLIED = "applied";
    public static final String PENDING = "pending";
    public static final String MISSING_LOCALLY = "missing_locally";
    public static final String DRIFTED = "drifted";

    /**
     * One version.
     *
     * @param name            from the file, else from the history row
     * @param branchTested    evidence matches the file, its rollback and the files before it (false without a store)
     * @param evidenceId      the evidence that makes it branch-tested; otherwise the one its apply recorded, if any
     * @param appliedAt       from {@code drydock.migration_log}; null when applied by another tool
     * @param file            the migration file relative to the project root; null when missing locally
     * @param rollbackFile    the rollback file relative to the project root, when it exists (even blank)
     */
    public record Entry(String version, String name, String state, boolean applied, boolean local, boolean drifted,
                        boolean rollbackPresent, boolean branchTested, Long evidenceId, OffsetDateTime appliedAt,
                        String appliedBy, String file, String rollbackFile) {
    }

    /** One row of {@code schema_migrations}; {@code statements} is null when NULL or when the column is missing. */
    private record Applied(String version, String name, List<String> statements) {
    }

    private final List<Entry> entries;
    private final List<MigrationFile> pending;
    private final List<MigrationFile> outOfOrder;
    private final String newestApplied;

    private TargetHistory(List<Entry> entries, List<MigrationFile> pending, List<MigrationFile> outOfOrder,
                          String newestApplied) {
        this.entries = List.copyOf(entries);
        this.pending = List.copyOf(pending);
        this.outOfOrder = List.copyOf(outOfOrder);
        this.newestApplied = newestApplied;
    }

    /**
     * Reads the target's history (nothing applied when its tables do not exist) against the
     * project's files. With a store, each local migration is looked up in the branch evidence.
     */
    public static TargetHistory read(Connection target, ProjectLayout layout, BranchStore storeOrNull) throws SQLException {
        Map<String, Applied> applied = applied(target);
        Map<String, TargetLog.Entry> log = TargetLog.current(target);
        Map<String, MigrationFile> local = new LinkedHashMap<>();
        layout.migrations().forEach(m -> local.put(m.version(), m));
        Set<String> versions = new TreeSet<>(local.keySet());
        versions.addAll(applied.keySet());
        String newest = applied.keySet().stream().max(String::compareTo).orElse(null);
        List<Entry> entries = new ArrayList<>();
        List<MigrationFile> pending = new ArrayList<>();
        List<MigrationFile> outOfOrder = new ArrayList<>();
        for (String v : versions) {
            MigrationFile m = local.get(v);
            Applied a = applied.get(v);
            entries.add(entry(v, m, a, a == null ? null : log.get(v), layout, storeOrNull));
            if (a == null) {
                pending.add(m);
                if (newest != null && v.compareTo(newest) < 0) {
                    outOfOrder.add(m);
                }
            }
        }
        return new TargetHistory(entries, pending, outOfOrder, newest);
    }

    private static Entry entry(String version, MigrationFile m, Applied a, TargetLog.Entry log, ProjectLayout layout,
                               BranchStore store) {
        boolean drifted = m != null && a != null && drifted(m, a, log);
        String state = m == null ? MISSING_LOCALLY : a == null ? PENDING : drifted ? DRIFTED : APPLIED;
        Optional<Evidence.Stored> evidence = m != null && store != null ? EvidenceCheck.find(store, layout, m)
                : Optional.empty();
        Long evidenceId = evidence.map(Evidence.Stored::id).orElse(log == null ? null : log.evidenceId());
        String name = m != null ? m.name() : a.name() != null ? a.name() : log == null ? null : log.name();
        return new Entry(version, name, state, a != null, m != null, drifted, m != null && EvidenceCheck.rollbackPresent(m),
                evidence.isPresent(), evidenceId, log == null ? null : log.appliedAt(), log == null ? null : log.appliedBy(),
                m == null ? null : relative(layout, m.path()), m == null || m.rollback() == null ? null
                        : relative(layout, m.rollback()));
    }

    /** Whether the local file is no longer what was applied; a file that no longer splits counts as changed. */
    private static boolean drifted(MigrationFile m, Applied a, TargetLog.Entry log) {
        byte[] bytes = bytes(m.path());
        if (log != null && !log.upSha256().equals(Checksums.sha256(bytes))) {
            return true;
        }
        if (a.statements() == null) {
            return false;
        }
        try {
            return !Splitter.supabaseStatements(new String(bytes, StandardCharsets.UTF_8)).equals(a.statements());
        } catch (DrydockException unsplittable) {
            return true;
        }
    }

    private static Map<String, Applied> applied(Connection c) throws SQLException {
        Map<String, Applied> out = new LinkedHashMap<>();
        Set<String> columns = columns(c);
        if (columns.isEmpty()) {
            return out;
        }
        String sql = "SELECT version, " + (columns.contains("name") ? "name" : "NULL::text") + ", "
                + (columns.contains("statements") ? "statements" : "NULL::text[]")
                + " FROM supabase_migrations.schema_migrations ORDER BY version";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Array array = rs.getArray(3);
                List<String> statements = array == null ? null : Arrays.asList((String[]) array.getArray());
                out.put(rs.getString(1), new Applied(rs.getString(1), rs.getString(2), statements));
            }
        }
        return out;
    }

    /** The columns of {@code schema_migrations}; empty when the table does not exist. */
    private static Set<String> columns(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute "
                + "WHERE attrelid = to_regclass('supabase_migrations.schema_migrations') AND attnum > 0 AND NOT attisdropped");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.CONFIG_INVALID, "Cannot read " + file + ": " + e.getMessage(),
                    "Check that the file exists and is readable.");
        }
    }

    private static String relative(ProjectLayout layout, Path file) {
        return layout.root().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Every version, local or applied, in version order. */
    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String version) {
        return entries.stream().filter(e -> e.version().equals(version)).findFirst();
    }

    /** Local migrations not applied, in version order (out-of-order ones included). */
    public List<MigrationFile> pending() {
        return pending;
    }

    public List<Entry> drifted() {
        return entries.stream().filter(Entry::drifted).toList();
    }

    public List<Entry> missingLocally() {
        return entries.stream().filter(e -> !e.local()).toList();
    }

    /** Pending migrations older than the newest applied one: {@code supabase db push} refuses them without --include-all. */
    public List<MigrationFile> outOfOrder() {
        return outOfOrder;
    }

    /** The newest applied version, or null when nothing is applied. */
    public String newestApplied() {
        return newestApplied;
    }

    /** How many entries are in {@code state}. */
    public int count(String state) {
        return (int) entries.stream().filter(e -> e.state().equals(state)).count();
    }
}

package dev.drydock.lint;

import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the statements so far in one migration have done, so that rules judge a statement in
 * context: a table created earlier in the same migration is new and empty; an index created later
 * still covers a foreign key; a validated CHECK (x IS NOT NULL) makes SET NOT NULL cheap.
 */
final class MigrationState {
    final boolean noTransaction;
    final LintOptions options;
    /** Column types known from earlier migrations of the same run, {@code schema.table.column} → type. */
    final Map<String, String> knownColumnTypes;
    /** Columns a validated CHECK (col IS NOT NULL) covers, across the migrations of the run. */
    final Set<String> notNullProven;
    /** NOT VALID CHECK (col IS NOT NULL) constraints, {@code schema.table.constraint} → column, across the run. */
    final Map<String, String> pendingNotNullChecks;

    final Set<String> createdTables = new HashSet<>();
    final Set<String> possiblyCreated = new HashSet<>();
    final Set<String> createdIndexes = new HashSet<>();
    final Set<String> addedColumns = new HashSet<>();
    final Map<String, List<List<String>>> indexes = new HashMap<>();
    final Set<String> strongLocked = new HashSet<>();
    final Map<String, StatementInfo> needsRls = new LinkedHashMap<>();
    final Map<String, StatementInfo> rlsEnabled = new LinkedHashMap<>();
    final Set<String> policies = new HashSet<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final Map<String, StatementInfo> enumValuesAdded = new HashMap<>();
    /** Types created by this migration: values added to them are usable at once (PostgreSQL 12+). */
    final Set<String> createdTypes = new HashSet<>();
    final List<StatementInfo> backfills = new ArrayList<>();
    boolean lockingDdl;
    boolean lockTimeoutSet;
    boolean lockTimeoutReported;

    /** A foreign key seen in this migration; {@code columnIsNew} when its column was added here. */
    record ForeignKey(String table, List<String> columns, StatementInfo statement, int line, int column,
                      boolean columnIsNew) {
    }

    /** What earlier migrations of the same run established, carried from one migration to the next. */
    record Carried(Map<String, String> columnTypes, Set<String> notNullProven, Map<String, String> pendingNotNullChecks) {
        static Carried empty() {
            return new Carried(new HashMap<>(), new HashSet<>(), new HashMap<>());
        }
    }

    MigrationState(boolean noTransaction, LintOptions options, Carried carried) {
        this.noTransaction = noTransaction;
        this.options = options;
        this.knownColumnTypes = carried.columnTypes();
        this.notNullProven = carried.notNullProven();
        this.pendingNotNullChecks = carried.pendingNotNullChecks();
    }

    /**
     * Records a table as created by this migration, so rules treat it as new and empty. A temporary
     * table lives in pg_temp (it must not make the real table of the same name look new), and
     * CREATE TABLE IF NOT EXISTS creates nothing when the table exists, so neither counts.
     */
    void created(dev.drydock.sql.Detail.Table t) {
        if (t.temporary()) {
            return;
        }
        (t.ifNotExists() ? possiblyCreated : createdTables).add(t.name().qualified("public"));
    }

    /**
     * True when the table existed before this migration, for the lock and rewrite rules. A table
     * created here with IF NOT EXISTS counts as new: in a history replayed in order it is.
     */
    boolean existing(ObjectRef table) {
        return table != null && existing(table.table().qualified());
    }

    boolean existing(String qualifiedTable) {
        return !createdTables.contains(qualifiedTable) && !possiblyCreated.contains(qualifiedTable);
    }

    /**
     * True when the table may hold data, for the destructive rules: only a table this migration
     * certainly created (no IF NOT EXISTS, not dropped or renamed away since) is known to be empty.
     */
    boolean mayHoldData(String qualifiedTable) {
        return !createdTables.contains(qualifiedTable);
    }

    void addIndex(String table, List<String> columns) {
        indexes.computeIfAbsent(table, k -> new ArrayList<>()).add(columns);
    }

    /** Estimated rows of a table on the target, or -1 when unknown. */
    long rows(String table) {
        TargetFacts t = options.target();
        if (t == null) {
            return -1;
        }
        Long n = t.rows().get(table);
        return n == null ? -1 : n;
    }

    /** The column's current type: from earlier migrations, else from the target; null when unknown. */
    String columnType(String qualifiedColumn) {
        String known = knownColumnTypes.get(qualifiedColumn);
        if (known != null) {
            return known;
        }
        TargetFacts t = options.target();
        return t == null ? null : t.columnTypes().get(qualifiedColumn);
    }

    /** True when some column of {@code table} is known (from this run or the target) to have the type named {@code typeName}. */
    boolean hasColumnOfType(String table, String typeName) {
        String prefix = table + ".";
        for (Map<String, String> types : columnTypeSources()) {
            for (Map.Entry<String, String> e : types.entrySet()) {
                if (e.getKey().startsWith(prefix) && lastPart(e.getValue()).equals(typeName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Map<String, String>> columnTypeSources() {
        TargetFacts t = options.target();
        return t == null ? List.of(knownColumnTypes) : List.of(knownColumnTypes, t.columnTypes());
    }

    private static String lastPart(String type) {
        String plain = type.replace("\"", "").strip();
        return plain.substring(plain.lastIndexOf('.') + 1);
    }

    /** A validated CHECK (col IS NOT NULL) exists: in this run's migrations, or on the target. */
    boolean provenNotNull(String qualifiedColumn) {
        TargetFacts t = options.target();
        return notNullProven.contains(qualifiedColumn) || t != null && t.notNullProven().contains(qualifiedColumn);
    }

    boolean indexCovers(String table, List<String> columns) {
        if (covers(indexes.get(table), columns)) {
            return true;
        }
        TargetFacts t = options.target();
        return t != null && covers(t.indexes().get(table), columns);
    }

    private static boolean covers(List<List<String>> candidates, List<String> columns) {
        if (candidates == null) {
            return false;
        }
        for (List<String> index : candidates) {
            if (index.size() >= columns.size() && index.subList(0, columns.size()).equals(columns)) {
                return true;
            }
        }
        return false;
    }
}

package dev.drydock.lint;

import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.Detail.Column;
import dev.drydock.sql.Detail.Constraint;
import dev.drydock.sql.Detail.ConstraintType;
import dev.drydock.sql.Detail.DefaultKind;
import dev.drydock.sql.Identifiers;
import dev.drydock.sql.LockLevel;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.QualifiedName;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.Token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules about tables, columns, constraints and indexes. */
final class TableChecks {
    private static final Pattern IS_NOT_NULL = Pattern.compile("^\\(*\\s*\"?([^\"\\s()]+)\"?\\s+is\\s+not\\s+null\\s*\\)*$");

    private TableChecks() {
    }

    static void createTable(StatementInfo s, Detail.Table t, MigrationState st, Emitter e) {
        String table = t.name().qualified("public");
        st.created(t);
        ObjectRef ref = ObjectRef.of(Kind.TABLE, t.name());
        identifier(t.name().name(), s, null, ref, e);
        for (Column c : t.columns()) {
            ObjectRef col = ObjectRef.member(Kind.COLUMN, t.name(), c.name());
            st.knownColumnTypes.put(col.qualified(), c.type());
            identifier(c.name(), s, c.at(), col, e);
            columnHygiene(c, s, col, e, st);
        }
        for (Constraint k : t.constraints()) {
            constraintOnNewTable(k, t.name(), s, st, false);
            if (k.name() != null) {
                identifier(k.name(), s, k.at(), ref, e);
            }
            if ((k.type() == ConstraintType.PRIMARY_KEY || k.type() == ConstraintType.FOREIGN_KEY)) {
                for (String colName : k.columns()) {
                    t.columns().stream().filter(c -> c.name().equals(colName) && TypeRules.isSmallInt(c.type())
                                    && !TypeRules.isSerial(c.type()))
                            .forEach(c -> e.emit(Rule.PREFER_BIGINT_KEY, s, c.at(), ObjectRef.member(Kind.COLUMN, t.name(), c.name()),
                                    "Key column " + t.name().qualified("public") + "." + c.name() + " is " + c.type()
                                            + "; ids outgrow 2^31 sooner than expected."));
                }
            }
        }
        // partitions too: a query on a partition uses the partition's own RLS and policies, not the parent's
        if (!t.temporary() && "public".equals(t.name().schemaOr("public"))) {
            st.needsRls.put(table, s);
        }
    }

    private static void columnHygiene(Column c, StatementInfo s, ObjectRef col, Emitter e, MigrationState st) {
        if (c.serial()) {
            e.emit(Rule.PREFER_IDENTITY, s, c.at(), col, "Column " + col + " is " + c.type()
                    + ": identity columns are the SQL-standard replacement, with clearer permissions and ownership.");
        }
        if (TypeRules.isBoundedText(c.type())) {
            e.emit(Rule.PREFER_TEXT, s, c.at(), col, "Column " + col + " is " + c.type()
                    + ": changing the limit later can lock the table; text with a CHECK is as fast and easier to change.");
        }
        if (TypeRules.isJson(c.type())) {
            e.emit(Rule.PREFER_JSONB, s, c.at(), col, "Column " + col + " is json: jsonb is indexable and compares by value.");
        }
        if (TypeRules.isTimestampWithoutZone(c.type())) {
            e.emit(Rule.PREFER_TIMESTAMPTZ, s, c.at(), col, "Column " + col + " is " + c.type()
                    + " (without time zone): values are ambiguous across time zones.");
        }
    }

    /** Records what a constraint on a table created in this migration provides (indexes, foreign keys, proofs). */
    private static void constraintOnNewTable(Constraint k, QualifiedName table, StatementInfo s, MigrationState st,
                                             boolean columnIsNew) {
        String t = table.qualified("public");
        switch (k.type()) {
            case PRIMARY_KEY, UNIQUE -> {
                if (!k.usingIndex()) {
                    st.addIndex(t, k.columns());
                }
            }
            case FOREIGN_KEY -> {
                Token at = k.at();
                st.foreignKeys.add(new MigrationState.ForeignKey(t, k.columns(), s, at == null ? s.line() : at.line(),
                        at == null ? s.column() : at.column(), columnIsNew || !st.existing(t)));
            }
            case CHECK -> proof(k, t, st);
            default -> {
            }
        }
    }

    private static void proof(Constraint k, String table, MigrationState st) {
        if (k.checkExpr() == null) {
            return;
        }
        Matcher m = IS_NOT_NULL.matcher(k.checkExpr().toLowerCase(Locale.ROOT).strip());
        if (!m.matches()) {
            return;
        }
        String column = table + "." + m.group(1);
        if (k.notValid()) {
            if (k.name() != null) {
                st.pendingNotNullChecks.put(table + "." + k.name(), column);
            }
        } else {
            st.notNullProven.add(column);
        }
    }

    static void createIndex(StatementInfo s, Detail.Index idx, MigrationState st, Emitter e) {
        String table = idx.table().qualified("public");
        ObjectRef ref = idx.name() == null ? ObjectRef.of(Kind.TABLE, idx.table()) : ObjectRef.of(Kind.INDEX, idx.name());
        st.addIndex(table, idx.columns());
        if (idx.name() != null) {
            st.createdIndexes.add(idx.name().qualified("public"));
            identifier(idx.name().name(), s, null, ref, e);
        }
        if (!idx.concurrently() && st.existing(table)) {
            e.emit(Rule.REQUIRE_CONCURRENT_INDEX, s, s.line(), s.column(), ref, ObjectRef.of(Kind.TABLE, idx.table()),
                    "CREATE INDEX " + (idx.name() == null ? "" : idx.name().qualified("public") + " ") + "on existing table "
                            + table + " takes a SHARE lock: writes to " + table + " wait until the index is built.",
                    Rule.REQUIRE_CONCURRENT_INDEX.defaultSeverity());
        }
        if (idx.concurrently() && st.noTransaction && !idx.ifNotExists()) {
            e.emit(Rule.PREFER_ROBUST_STATEMENTS, s, ref, "CREATE INDEX CONCURRENTLY without IF NOT EXISTS: if the "
                    + "migration is retried after a failure, it stops here (a failed build also leaves an INVALID index "
                    + "to drop first).");
        }
    }

    static void alterTable(StatementInfo s, Detail.Alter alter, MigrationState st, Emitter e) {
        QualifiedName name = alter.table();
        String table = name.qualified("public");
        boolean existing = st.existing(table);
        for (AlterAction a : alter.actions()) {
            ObjectRef tableRef = ObjectRef.of(Kind.TABLE, name);
            ObjectRef colRef = a.column() == null ? tableRef : ObjectRef.member(Kind.COLUMN, name, a.column());
            switch (a.kind()) {
                case ADD_COLUMN -> addColumn(s, a, name, existing, st, e);
                case ADD_CONSTRAINT -> addConstraint(s, a, name, existing, st, e);
                case VALIDATE_CONSTRAINT -> {
                    if (existing && !st.noTransaction && st.strongLocked.contains(table)) {
                        e.emit(Rule.VALIDATE_IN_SAME_TRANSACTION, s, a.at(), ObjectRef.member(Kind.CONSTRAINT, name, a.name()),
                                "VALIDATE CONSTRAINT " + a.name() + " runs in the same transaction that already holds a "
                                        + "strong lock on " + table + ", so the validation scan runs under that lock.");
                    }
                    String proven = st.pendingNotNullChecks.get(table + "." + a.name());
                    if (proven != null) {
                        st.notNullProven.add(proven);
                    }
                }
                case SET_NOT_NULL -> {
                    if (existing && !st.provenNotNull(colRef.qualified())) {
                        e.emit(Rule.SET_NOT_NULL_SCAN, s, a.at(), colRef, "SET NOT NULL on " + colRef
                                + " scans the whole table under ACCESS EXCLUSIVE (reads and writes wait)"
                                + (st.options.pgVersion() >= 18 ? "; PostgreSQL 18 can add NOT NULL … NOT VALID instead." : "."));
                    }
                }
                case DROP_NOT_NULL -> e.emit(Rule.DROP_NOT_NULL, s, a.at(), colRef, "DROP NOT NULL on " + colRef
                        + ": readers that assume a value will now see NULLs.");
                case ALTER_COLUMN_TYPE -> {
                    if (existing) {
                        columnType(s, a, colRef, st, e);
                    }
                    st.knownColumnTypes.put(colRef.qualified(), a.name());
                }
                case DROP_COLUMN -> {
                    if (existing && !st.addedColumns.contains(colRef.qualified())) {
                        e.emit(Rule.DROP_COLUMN, s, a.at(), colRef, "DROP COLUMN " + colRef
                                + " loses its data for good, and breaks every reader still selecting it.");
                    }
                }
                case DROP_CONSTRAINT -> {
                    if (existing) {
                        e.emit(Rule.DROP_CONSTRAINT, s, a.at(), ObjectRef.member(Kind.CONSTRAINT, name, a.name()),
                                "DROP CONSTRAINT " + a.name() + " on " + table + " removes a guarantee the data had.");
                    }
                }
                case RENAME_COLUMN -> {
                    if (existing) {
                        e.emit(Rule.RENAME_COLUMN, s, a.at(), colRef, "RENAME COLUMN " + colRef + " to " + a.name()
                                + " breaks every client still using the old name (and Supabase's generated types).");
                    }
                }
                case RENAME_TABLE -> {
                    String renamed = name.schemaOr("public") + "." + a.name();
                    if (st.createdTables.remove(table)) {
                        st.createdTables.add(renamed);
                    } else {
                        st.createdTables.remove(renamed); // an existing table now carries this name
                    }
                    if (existing) {
                        e.emit(Rule.RENAME_TABLE, s, a.at(), tableRef, "RENAME " + table + " to " + a.name()
                                + " breaks every client and API route still using the old name.");
                    }
                }
                case ENABLE_RLS -> {
                    st.rlsEnabled.put(table, s);
                    if (existing) {
                        e.emit(Rule.POLICY_DDL_LOCK, s, a.at(), tableRef, "ENABLE ROW LEVEL SECURITY on existing table "
                                + table + " takes ACCESS EXCLUSIVE (brief, but it queues behind long transactions).");
                    }
                }
                case DISABLE_RLS -> e.emit(Rule.DISABLE_RLS, s, a.at(), tableRef, "DISABLE ROW LEVEL SECURITY on " + table
                        + " exposes every row to any role with table grants (anon and authenticated through the Data API).");
                case DETACH_PARTITION -> {
                    if (!a.concurrently() && existing) {
                        e.emit(Rule.DETACH_PARTITION_LOCK, s, a.at(), tableRef, "DETACH PARTITION " + a.name()
                                + " without CONCURRENTLY takes ACCESS EXCLUSIVE on " + table + ".");
                    }
                }
                default -> {
                }
            }
            if (existing && a.lock().compareTo(LockLevel.SHARE_ROW_EXCLUSIVE) >= 0) {
                st.strongLocked.add(table);
                st.lockingDdl = true;
            }
        }
    }

    private static void addColumn(StatementInfo s, AlterAction a, QualifiedName name, boolean existing,
                                  MigrationState st, Emitter e) {
        Column c = a.columnDef();
        ObjectRef col = ObjectRef.member(Kind.COLUMN, name, c.name());
        st.addedColumns.add(col.qualified());
        st.knownColumnTypes.put(col.qualified(), c.type());
        identifier(c.name(), s, c.at(), col, e);
        columnHygiene(c, s, col, e, st);
        if (a.constraint() != null) {
            constraintOnNewTable(a.constraint(), name, s, st, true);
        }
        if (!existing) {
            return;
        }
        if (c.notNull() && c.defaultKind() == DefaultKind.NONE && !c.identity() && !c.serial() && !c.generatedStored()) {
            e.emit(Rule.NOT_NULL_WITHOUT_DEFAULT, s, a.at(), col, "ADD COLUMN " + col + " NOT NULL without a default "
                    + "fails as soon as " + name.qualified("public") + " has a row.");
        }
        if (c.serial() || c.identity()) {
            e.emit(Rule.ADD_SERIAL_COLUMN, s, a.at(), col, "ADD COLUMN " + col + " " + c.type()
                    + (c.identity() ? " (identity)" : "") + " fills every existing row: a full rewrite under ACCESS EXCLUSIVE.");
        } else if (c.generatedStored()) {
            e.emit(Rule.STORED_GENERATED_COLUMN, s, a.at(), col, "ADD COLUMN " + col
                    + " GENERATED … STORED computes every existing row: a full rewrite under ACCESS EXCLUSIVE.");
        } else if (c.defaultKind() == DefaultKind.VOLATILE) {
            e.emit(Rule.VOLATILE_DEFAULT, s, a.at(), col, "ADD COLUMN " + col + " DEFAULT " + c.defaultExpr()
                    + " is volatile (or unknown to Drydock): PostgreSQL rewrites " + name.qualified("public")
                    + " under ACCESS EXCLUSIVE to fill it.");
        } else if (c.defaultKind() == DefaultKind.NON_VOLATILE && st.options.pgVersion() < 11) {
            e.emit(Rule.VOLATILE_DEFAULT, s, a.at(), col, "ADD COLUMN " + col + " with a DEFAULT rewrites "
                    + name.qualified("public") + " before PostgreSQL 11 (target version " + st.options.pgVersion() + ").");
        }
    }

    private static void addConstraint(StatementInfo s, AlterAction a, QualifiedName name, boolean existing,
                                      MigrationState st, Emitter e) {
        Constraint k = a.constraint();
        String table = name.qualified("public");
        if (k.name() != null) {
            identifier(k.name(), s, k.at(), ObjectRef.member(Kind.CONSTRAINT, name, k.name()), e);
        }
        constraintOnNewTable(k, name, s, st, false);
        if (!existing) {
            return;
        }
        ObjectRef ref = k.name() == null ? ObjectRef.of(Kind.TABLE, name) : ObjectRef.member(Kind.CONSTRAINT, name, k.name());
        String label = k.name() == null ? k.type().name().replace('_', ' ') : k.name();
        switch (k.type()) {
            case CHECK, FOREIGN_KEY -> {
                if (!k.notValid()) {
                    e.emit(Rule.CONSTRAINT_MISSING_NOT_VALID, s, a.at(), ref, "ADD CONSTRAINT " + label + " on existing table "
                            + table + " validates every row while holding "
                            + (k.type() == ConstraintType.FOREIGN_KEY ? "SHARE ROW EXCLUSIVE on both tables" : "ACCESS EXCLUSIVE") + ".");
                }
            }
            case PRIMARY_KEY, UNIQUE -> {
                if (!k.usingIndex()) {
                    e.emit(Rule.UNIQUE_CONSTRAINT_LOCK, s, a.at(), ref, "ADD " + k.type().name().replace('_', ' ') + " "
                            + label + " builds its index on " + table + " under ACCESS EXCLUSIVE (reads and writes wait).");
                }
            }
            case EXCLUDE -> e.emit(Rule.EXCLUSION_CONSTRAINT, s, a.at(), ref, "ADD EXCLUDE " + label + " on existing table "
                    + table + " builds its index and checks every row under ACCESS EXCLUSIVE.");
            case NOT_NULL -> {
                if (!k.notValid() && !k.columns().isEmpty() && !st.provenNotNull(table + "." + k.columns().get(0))) {
                    e.emit(Rule.SET_NOT_NULL_SCAN, s, a.at(), ObjectRef.member(Kind.COLUMN, name, k.columns().get(0)),
                            "ADD CONSTRAINT … NOT NULL on " + table + "." + k.columns().get(0) + " scans the table under ACCESS EXCLUSIVE.");
                }
            }
            default -> {
            }
        }
    }

    private static void columnType(StatementInfo s, AlterAction a, ObjectRef col, MigrationState st, Emitter e) {
        String current = st.columnType(col.qualified());
        String target = a.name();
        if (current != null && TypeRules.binaryCompatible(current, target)) {
            return;
        }
        if (current == null && TypeRules.possiblyCompatible(target)) {
            // varchar(n) -> text and the like need no rewrite; without the current type the branch cycle decides
            return;
        }
        e.emit(Rule.COLUMN_TYPE_REWRITE, s, a.at(), col, "ALTER COLUMN " + col + " TYPE " + target
                + (current == null ? "" : " (from " + current + ")") + " rewrites the table and its indexes under ACCESS EXCLUSIVE.");
    }

    /** identifier-too-long: PostgreSQL truncates names over 63 bytes without an error. */
    static void identifier(String name, StatementInfo s, Token at, ObjectRef object, Emitter e) {
        if (name != null && name.getBytes(StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES) {
            e.emit(Rule.IDENTIFIER_TOO_LONG, s, at, object != null ? object : new ObjectRef(Kind.OTHER, null, name, null),
                    "Identifier " + name
                    + " is " + name.getBytes(StandardCharsets.UTF_8).length + " bytes; PostgreSQL keeps only the first 63.");
        }
    }
}

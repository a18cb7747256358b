package dev.drydock.lint;

import dev.drydock.sql.Detail;
import dev.drydock.sql.LockLevel;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.ParsePath;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;
import dev.drydock.sql.Token;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Runs every rule over the statements of one migration, in order, then the end-of-migration rules. */
final class Checks {
    private static final Set<String> WRITE_PRIVILEGES = Set.of("INSERT", "UPDATE", "DELETE", "TRUNCATE", "ALL");
    /** Rules that still apply to statements inside a function body (which run later, when called). */
    private static final Set<Rule> IN_ROUTINE_BODY = Set.of(Rule.DROP_TABLE, Rule.DROP_SCHEMA_OR_DATABASE,
            Rule.TRUNCATE, Rule.DELETE_WITHOUT_WHERE, Rule.UPDATE_WITHOUT_WHERE, Rule.DISABLE_RLS, Rule.ALTER_SYSTEM,
            Rule.COPY_TO_PROGRAM, Rule.DYNAMIC_SQL, Rule.GRANT_TO_PUBLIC);

    private static final java.util.regex.Pattern NOT_CONDITION_TEXT = java.util.regex.Pattern.compile("[()\\s]");

    private Checks() {
    }

    static void statement(StatementInfo s, MigrationState st, Emitter e) {
        enumValueUse(s, st, e);
        if (s.path() == ParsePath.UNKNOWN) {
            e.emit(Rule.UNPARSED_STATEMENT, s, s.target(), "Drydock cannot analyse this statement ("
                    + (s.note() == null ? "not recognised" : s.note()) + "); it is treated as risky.");
        }
        one(s, st, e);
        boolean routine = s.kind() == StatementKind.CREATE_FUNCTION;
        for (StatementInfo inner : s.nested()) {
            if (routine) {
                // the body runs later, when called: it must not change what this migration is known to have done
                MigrationState bodyState = new MigrationState(true, st.options, MigrationState.Carried.empty());
                Emitter scoped = new Emitter(null, bodyState);
                statement(inner, bodyState, scoped);
                scoped.findings.stream().filter(f -> IN_ROUTINE_BODY.contains(Rule.byId(f.rule())))
                        .forEach(f -> e.findings.add(withFile(f, e)));
            } else {
                statement(inner, st, e);
            }
        }
    }

    private static Finding withFile(Finding f, Emitter e) {
        return new Finding(f.rule(), f.severity(), f.message(), f.fix(),
                e.file, f.statementIndex(), f.line(), f.column(), f.object());
    }

    private static void one(StatementInfo s, MigrationState st, Emitter e) {
        if (!s.transactional() && !st.noTransaction && s.kind() != StatementKind.TRANSACTION_CONTROL
                && s.kind() != StatementKind.ALTER_SYSTEM) {
            e.emit(Rule.CONCURRENTLY_IN_TRANSACTION, s, s.target(), s.kind() + " cannot run inside a transaction "
                    + "block, and this migration runs in one.");
        }
        if (s.dynamicSql()) {
            e.emit(Rule.DYNAMIC_SQL, s, s.target(), "EXECUTE of a string built at run time"
                    + (s.target() == null ? "" : " in " + s.target()) + ": nobody can analyse it before it runs.");
        }
        Detail d = s.detail();
        if (d instanceof Detail.Table t) {
            if (s.kind() == StatementKind.CREATE_TABLE) {
                TableChecks.createTable(s, t, st, e);
            } else {
                st.created(t);
                if ("public".equals(t.name().schemaOr("public")) && !t.temporary()) {
                    st.needsRls.put(t.name().qualified("public"), s);
                }
            }
        } else if (d instanceof Detail.Index idx) {
            TableChecks.createIndex(s, idx, st, e);
        } else if (d instanceof Detail.Alter alter) {
            TableChecks.alterTable(s, alter, st, e);
        } else if (d instanceof Detail.Objects o) {
            objects(s, o, st, e);
        } else if (d instanceof Detail.Dml dml) {
            dml(s, dml, st, e);
        } else if (d instanceof Detail.Policy p) {
            policy(s, p, st, e);
        } else if (d instanceof Detail.Routine r) {
            routine(s, r, e);
        } else if (d instanceof Detail.Grant g) {
            grant(s, g, e);
        } else if (d instanceof Detail.EnumValue v) {
            enumValue(s, v, st, e);
        } else if (d instanceof Detail.Setting set) {
            if ("lock_timeout".equals(set.name())) {
                st.lockTimeoutSet = true;
            }
        } else if (d instanceof Detail.Copy copy) {
            if (copy.program()) {
                e.emit(Rule.COPY_TO_PROGRAM, s, s.target(), "COPY … " + (copy.to() ? "TO" : "FROM")
                        + " PROGRAM runs a shell command on the database server.");
            }
        } else if (s.kind() == StatementKind.CREATE_TYPE && s.target() != null) {
            st.createdTypes.add(s.target().qualified());
        } else if (d instanceof Detail.Rename r && r.object() != null && r.object().kind() == Kind.SCHEMA) {
            e.emit(Rule.RENAME_TABLE, s, r.object(), "ALTER SCHEMA " + r.object() + " RENAME TO " + r.newName()
                    + " breaks every client still using the old name.");
        }
        switch (s.kind()) {
            case TRANSACTION_CONTROL -> e.emit(Rule.TRANSACTION_CONTROL, s, null, firstWord(s)
                    + " in a migration: Drydock runs each migration in one transaction itself.");
            case ALTER_SYSTEM -> e.emit(Rule.ALTER_SYSTEM, s, s.target(), "ALTER SYSTEM rewrites the server's configuration "
                    + "file; it cannot run in a transaction and is never part of a migration.");
            case VACUUM_FULL, CLUSTER -> e.emit(Rule.TABLE_REWRITE_MAINTENANCE, s, s.target(), s.kind().toString()
                    .toUpperCase(Locale.ROOT).replace('-', ' ') + " rewrites " + (s.target() == null ? "tables" : s.target())
                    + " under ACCESS EXCLUSIVE: reads and writes wait for the whole rewrite.");
            default -> {
            }
        }
        lockTimeout(s, st, e);
    }

    private static void objects(StatementInfo s, Detail.Objects o, MigrationState st, Emitter e) {
        switch (s.kind()) {
            case DROP_TABLE -> o.names().forEach(n -> {
                String t = n.qualified("public");
                if (st.mayHoldData(t)) {
                    e.emit(Rule.DROP_TABLE, s, ObjectRef.of(Kind.TABLE, n), "DROP TABLE " + t
                            + " deletes the table and all its rows; a rollback cannot bring the data back.");
                }
                st.createdTables.remove(t); // a later table of this name is not the one created here
                st.possiblyCreated.remove(t);
            });
            case DROP_OTHER -> {
                if (o.kind() == Kind.ROLE) {
                    e.emit(Rule.DROP_SCHEMA_OR_DATABASE, s, s.target(), "DROP OWNED BY " + s.target()
                            + " drops every table, view and function the role owns, in every schema, with their data.");
                }
            }
            case DROP_SCHEMA, DROP_DATABASE -> s.objects().forEach(ref -> e.emit(Rule.DROP_SCHEMA_OR_DATABASE, s, ref,
                    s.kind().toString().toUpperCase(Locale.ROOT).replace('-', ' ') + " " + ref
                            + " deletes everything in it; a rollback cannot bring the data back."));
            case TRUNCATE -> o.names().forEach(n -> e.emit(Rule.TRUNCATE, s, ObjectRef.of(Kind.TABLE, n), "TRUNCATE "
                    + n.qualified("public") + " deletes every row at once (ACCESS EXCLUSIVE, no WHERE, no undo)."));
            case DROP_INDEX -> o.names().forEach(n -> {
                if (!o.concurrently() && !st.createdIndexes.contains(n.qualified("public"))) {
                    e.emit(Rule.REQUIRE_CONCURRENT_INDEX_DROP, s, ObjectRef.of(Kind.INDEX, n), "DROP INDEX "
                            + n.qualified("public") + " takes ACCESS EXCLUSIVE on its table: reads and writes wait.");
                }
                if (o.concurrently() && st.noTransaction && !o.ifExists()) {
                    e.emit(Rule.PREFER_ROBUST_STATEMENTS, s, ObjectRef.of(Kind.INDEX, n),
                            "DROP INDEX CONCURRENTLY without IF EXISTS stops a retried migration here.");
                }
            });
            case REINDEX -> {
                if (!o.concurrently() && (o.kind() == Kind.INDEX || o.kind() == Kind.TABLE)) {
                    e.emit(Rule.REQUIRE_CONCURRENT_REINDEX, s, s.target(), "REINDEX without CONCURRENTLY blocks "
                            + "writes to " + s.target() + (o.kind() == Kind.INDEX ? " and reads through the index." : "."));
                }
            }
            default -> {
            }
        }
    }

    private static void dml(StatementInfo s, Detail.Dml dml, MigrationState st, Emitter e) {
        String table = dml.table().qualified("public");
        ObjectRef ref = ObjectRef.of(Kind.TABLE, dml.table());
        boolean unlimited = !dml.hasWhere() || dml.tautological();
        if (s.kind() == StatementKind.DELETE && unlimited && st.mayHoldData(table)) {
            e.emit(Rule.DELETE_WITHOUT_WHERE, s, ref, "DELETE FROM " + table
                    + (dml.hasWhere() ? " with an always-true WHERE" : " without WHERE") + " deletes every row.");
        }
        if (s.kind() == StatementKind.MERGE && dml.tautological()) {
            mergeEverything(s, ref, e);
        }
        if (s.kind() == StatementKind.UPDATE && unlimited && st.mayHoldData(table)) {
            e.emit(Rule.UPDATE_WITHOUT_WHERE, s, ref, "UPDATE " + table
                    + (dml.hasWhere() ? " with an always-true WHERE" : " without WHERE")
                    + " rewrites every row in one transaction, holding row locks on all of them.");
        }
        boolean backfill = s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE
                || s.kind() == StatementKind.INSERT && dml.fromQuery();
        if (backfill && st.existing(table)) {
            st.backfills.add(s);
        }
    }

    /** MERGE with an always-true ON: its WHEN MATCHED actions touch every row of the target. */
    private static void mergeEverything(StatementInfo s, ObjectRef ref, Emitter e) {
        List<Token> tokens = s.statement().significantTokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("THEN")) {
                continue;
            }
            if (tokens.get(i + 1).isWord("DELETE")) {
                e.emit(Rule.DELETE_WITHOUT_WHERE, s, ref, "MERGE INTO " + ref + " with an always-true ON condition "
                        + "and WHEN MATCHED THEN DELETE deletes every row.");
            } else if (tokens.get(i + 1).isWord("UPDATE")) {
                e.emit(Rule.UPDATE_WITHOUT_WHERE, s, ref, "MERGE INTO " + ref + " with an always-true ON condition "
                        + "and WHEN MATCHED THEN UPDATE rewrites every row.");
            }
        }
    }

    private static void policy(StatementInfo s, Detail.Policy p, MigrationState st, Emitter e) {
        String table = p.table().qualified("public");
        ObjectRef ref = ObjectRef.of(Kind.TABLE, p.table());
        st.policies.add(table);
        if (st.existing(table)) {
            e.emit(Rule.POLICY_DDL_LOCK, s, ref, s.kind().toString().toUpperCase(Locale.ROOT).replace('-', ' ') + " \""
                    + p.name() + "\" on existing table " + table + " takes ACCESS EXCLUSIVE (brief, but it queues).");
        }
        boolean alwaysTrue = isTrue(p.using()) || isTrue(p.withCheck());
        // ALTER POLICY without FOR / TO keeps what the policy had: unknown here, so judged as possibly open
        boolean rolesUnknown = p.roles().isEmpty();
        boolean forAnon = rolesUnknown || p.roles().contains("anon") || p.roles().contains("public");
        if (alwaysTrue && (!"SELECT".equals(p.command()) || forAnon)) {
            e.emit(Rule.POLICY_ALWAYS_TRUE, s, ref, "Policy \"" + p.name() + "\" on " + table + " is always true for "
                    + (p.command() == null ? "its command" : p.command()) + " to "
                    + (rolesUnknown ? "its roles (not named here)" : String.join(", ", p.roles()))
                    + ": every such row is open to " + (rolesUnknown ? "anyone with the public anon key, if anon is among them."
                    : forAnon ? "anyone with the public anon key." : "every signed-in user."));
        }
        String expr = ((p.using() == null ? "" : p.using()) + " " + (p.withCheck() == null ? "" : p.withCheck()))
                .toLowerCase(Locale.ROOT);
        if (expr.contains("user_metadata") || expr.contains("raw_user_meta_data")) {
            e.emit(Rule.POLICY_USER_METADATA, s, ref, "Policy \"" + p.name() + "\" on " + table
                    + " trusts user_metadata, which every user can edit about themselves.");
        }
    }

    private static boolean isTrue(String expr) {
        if (expr == null) {
            return false;
        }
        String t = NOT_CONDITION_TEXT.matcher(expr).replaceAll("").toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("1=1") || t.equals("'t'") || t.equals("true::boolean");
    }

    private static void routine(StatementInfo s, Detail.Routine r, Emitter e) {
        if (r.securityDefiner() && !r.setsSearchPath()) {
            e.emit(Rule.SECURITY_DEFINER_SEARCH_PATH, s, s.target(), "SECURITY DEFINER function " + s.target()
                    + " has no SET search_path: a caller can shadow the names it uses and run code as its owner.");
        }
        if (r.name() != null) {
            TableChecks.identifier(r.name().name(), s, null, s.target(), e);
        }
    }

    private static void grant(StatementInfo s, Detail.Grant g, Emitter e) {
        if (g.revoke()) {
            return;
        }
        boolean writes = g.privileges().stream().anyMatch(WRITE_PRIVILEGES::contains);
        List<String> risky = g.grantees().stream().filter(r -> r.equals("public") || r.equals("anon")).toList();
        if (writes && !risky.isEmpty() && g.onTables()) {
            e.emit(Rule.GRANT_TO_PUBLIC, s, s.target(), "GRANT " + String.join(", ", g.privileges()) + " to "
                    + String.join(", ", risky) + ": anyone holding the public anon key may write.");
        }
    }

    private static void enumValue(StatementInfo s, Detail.EnumValue v, MigrationState st, Emitter e) {
        if (st.options.pgVersion() < 12 && !st.noTransaction) {
            e.emit(Rule.ENUM_VALUE_IN_TRANSACTION, s, s.target(), "ALTER TYPE " + s.target() + " ADD VALUE cannot run "
                    + "inside a transaction before PostgreSQL 12 (target version " + st.options.pgVersion() + ").");
        } else if (v.value() != null && !st.noTransaction && !st.createdTypes.contains(s.target().qualified())) {
            // a type created in this same transaction may use its new values at once (PostgreSQL 12+)
            st.enumValuesAdded.put(v.value(), s);
        }
    }

    /**
     * A statement after ADD VALUE 'x' in the same transaction that uses 'x' as a value of the type
     * fails ("unsafe use of new value"). Certain when the statement names the type or acts on a table
     * with a column of that type (an error); a literal with no known link to the type may be plain
     * text (a warning).
     */
    private static void enumValueUse(StatementInfo s, MigrationState st, Emitter e) {
        if (st.enumValuesAdded.isEmpty() || s.kind() == StatementKind.ADD_ENUM_VALUE) {
            return;
        }
        for (Token t : s.statement().significantTokens()) {
            if (t.type() != Token.Type.STRING) {
                continue;
            }
            String value = dev.drydock.sql.Identifiers.stringValue(t);
            StatementInfo added = st.enumValuesAdded.get(value);
            if (added == null) {
                continue;
            }
            String typeName = added.target().name();
            boolean certain = mentions(s, typeName) || s.target() != null
                    && st.hasColumnOfType(s.target().table().qualified(), typeName);
            String message = "'" + value + "' " + (certain ? "is used" : "may be used") + " in the transaction that added "
                    + "it to " + added.target() + " (line " + added.line() + "): PostgreSQL refuses new enum values until "
                    + "the transaction commits" + (certain ? "." : " (if this literal is a " + added.target()
                    + " value; it may also be plain text).");
            e.emit(Rule.ENUM_VALUE_IN_TRANSACTION, s, s.line(), s.column(), added.target(), message,
                    certain ? Severity.ERROR : Severity.WARNING);
            return;
        }
    }

    private static boolean mentions(StatementInfo s, String name) {
        for (Token t : s.statement().significantTokens()) {
            if ((t.type() == Token.Type.WORD || t.type() == Token.Type.QUOTED_IDENT)
                    && dev.drydock.sql.Identifiers.normalize(t).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void lockTimeout(StatementInfo s, MigrationState st, Emitter e) {
        boolean ddl = !s.kind().isData() && s.kind() != StatementKind.LOCK_TABLE;
        if (ddl && s.lock().compareTo(LockLevel.SHARE) >= 0 && s.lockOn() != null && st.existing(s.lockOn())
                && !st.lockTimeoutSet && !st.lockTimeoutReported) {
            st.lockTimeoutReported = true;
            e.emit(Rule.REQUIRE_LOCK_TIMEOUT, s, s.lockOn(), s.lock().sqlName() + " on " + s.lockOn()
                    + " with no lock_timeout set: queued behind a long transaction, it blocks everything queued behind it.");
        }
    }

    private static String firstWord(StatementInfo s) {
        List<Token> tokens = s.statement().significantTokens();
        return tokens.isEmpty() ? "" : tokens.get(0).text().toUpperCase(Locale.ROOT);
    }

    /** Rules decided at the end of a migration, once every statement has been seen. */
    static void finish(MigrationState st, Emitter e) {
        TargetFacts target = st.options.target();
        for (Map.Entry<String, StatementInfo> entry : st.needsRls.entrySet()) {
            String table = entry.getKey();
            if (!st.rlsEnabled.containsKey(table) && (target == null || !target.rlsTables().contains(table))) {
                e.emit(Rule.RLS_MISSING, entry.getValue(), entry.getValue().target(), "Table " + table + " is in an "
                        + "API-exposed schema without ENABLE ROW LEVEL SECURITY: anyone with the anon key can read "
                        + "and write every row through the Data API.");
            }
        }
        for (Map.Entry<String, StatementInfo> entry : st.rlsEnabled.entrySet()) {
            String table = entry.getKey();
            if (!st.policies.contains(table) && (target == null || !target.policyTables().contains(table))) {
                e.emit(Rule.RLS_WITHOUT_POLICY, entry.getValue(), ObjectRef.of(Kind.TABLE,
                                new dev.drydock.sql.QualifiedName(table.substring(0, table.indexOf('.')), table.substring(table.indexOf('.') + 1))),
                        "Row level security is on for " + table + " but no policy exists: every API query returns nothing.");
            }
        }
        for (MigrationState.ForeignKey fk : st.foreignKeys) {
            boolean knowable = fk.columnIsNew() || target != null;
            if (knowable && !st.indexCovers(fk.table(), fk.columns())) {
                String cols = String.join(", ", fk.columns());
                e.emit(Rule.FK_WITHOUT_INDEX, fk.statement(), fk.line(), fk.column(),
                        new ObjectRef(Kind.COLUMN, fk.table().substring(0, fk.table().indexOf('.')),
                                fk.table().substring(fk.table().indexOf('.') + 1), cols),
                        "Foreign key on " + fk.table() + " (" + cols + ") has no index: deletes and updates of the "
                                + "referenced rows scan " + fk.table() + ", and joins are slow.", Rule.FK_WITHOUT_INDEX.defaultSeverity());
            }
        }
        if (st.lockingDdl && !st.noTransaction) {
            for (StatementInfo b : st.backfills) {
                e.emit(Rule.BACKFILL_WITH_DDL, b, b.target(), b.kind().toString().toUpperCase(Locale.ROOT) + " of "
                        + b.target() + " in the same transaction as lock-taking DDL: the locks are held until the "
                        + "backfill ends.");
            }
        }
    }
}

package dev.drydock.migrate;

import dev.drydock.migrate.Inverse.Status;
import dev.drydock.migrate.PlanTarget.ColumnState;
import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.Identifiers;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inverses of ALTER TABLE: each sub-command's inverse, in reverse order, as one ALTER TABLE.
 * Old defaults, NOT NULL, types and constraint definitions come from the target; without one
 * the inverse carries a {@code -- TODO} line instead of a guess.
 */
final class AlterInverses {
    private AlterInverses() {
    }

    static Inverse of(StatementInfo s, int index, InverseContext ctx) {
        Detail.Alter alter = (Detail.Alter) s.detail();
        ObjectRef table = ObjectRef.of(Kind.TABLE, alter.table());
        if (alter.actions().size() == 1) {
            Inverse rename = rename(alter.actions().get(0), table);
            if (rename != null) {
                return rename;
            }
        }
        List<Inverse> parts = new ArrayList<>();
        for (AlterAction a : alter.actions()) {
            parts.add(coveredColumn(a, table, index, ctx) ? Inverse.covered("The column is added earlier in this "
                    + "migration; the rollback drops it.") : action(a, table, ctx));
        }
        Collections.reverse(parts);
        return combine(table, parts);
    }

    private static boolean coveredColumn(AlterAction a, ObjectRef table, int index, InverseContext ctx) {
        return switch (a.kind()) {
            case SET_DEFAULT, DROP_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL, ALTER_COLUMN_TYPE, ADD_IDENTITY ->
                    ctx.script().coveredBy(ScriptObjects.column(table, a.column()), table, index);
            default -> false;
        };
    }

    private static Inverse rename(AlterAction a, ObjectRef table) {
        String t = Sql.name(table);
        return switch (a.kind()) {
            case RENAME_TABLE -> Inverse.of("ALTER TABLE " + Identifiers.quote(table.schema(), a.newName())
                    + " RENAME TO " + Sql.id(table.name()));
            case RENAME_COLUMN -> Inverse.of("ALTER TABLE " + t + " RENAME COLUMN " + Sql.id(a.newName()) + " TO "
                    + Sql.id(a.column()));
            case RENAME_CONSTRAINT -> Inverse.of("ALTER TABLE " + t + " RENAME CONSTRAINT " + Sql.id(a.newName())
                    + " TO " + Sql.id(a.name()));
            case SET_SCHEMA -> Inverse.of("ALTER TABLE " + Identifiers.quote(a.name(), table.name()) + " SET SCHEMA "
                    + Sql.id(table.schema()));
            default -> null;
        };
    }

    /** The inverse of one sub-command, as ALTER TABLE fragments ({@code DROP COLUMN c}). */
    private static Inverse action(AlterAction a, ObjectRef table, InverseContext ctx) {
        String column = a.column() == null ? null : Sql.id(a.column());
        ColumnState before = a.column() == null ? null : ctx.column(table, a.column());
        String at = table.qualified() + (a.column() == null ? "" : "." + a.column());
        return switch (a.kind()) {
            case ADD_COLUMN -> before != null ? Inverse.noneNeeded(at + " exists on target '" + ctx.target().name()
                    + "': ADD COLUMN IF NOT EXISTS changes nothing.") : Inverse.of("DROP COLUMN " + column);
            case DROP_COLUMN -> dropColumn(a, table, ctx);
            case ALTER_COLUMN_TYPE -> type(a, table, before, ctx);
            case SET_DEFAULT, DROP_DEFAULT -> defaults(a, before, ctx, at);
            case SET_NOT_NULL, DROP_NOT_NULL -> notNull(a, before, ctx, at);
            case ADD_CONSTRAINT -> addConstraint(a);
            case DROP_CONSTRAINT -> dropConstraint(a, table, ctx);
            case VALIDATE_CONSTRAINT -> Inverse.noneNeeded("VALIDATE CONSTRAINT changes no definition.");
            case ENABLE_RLS -> rls(table, ctx, true, "DISABLE ROW LEVEL SECURITY");
            case DISABLE_RLS -> rls(table, ctx, false, "ENABLE ROW LEVEL SECURITY");
            case FORCE_RLS -> Inverse.of("NO FORCE ROW LEVEL SECURITY");
            case NO_FORCE_RLS -> Inverse.of("FORCE ROW LEVEL SECURITY");
            case ADD_IDENTITY -> Inverse.of("ALTER COLUMN " + column + " DROP IDENTITY");
            case ATTACH_PARTITION -> Inverse.of("DETACH PARTITION " + partition(a.name()));
            default -> Inverse.notDerivable("Drydock derives no inverse for ALTER TABLE … " + a.kind() + "; write it by hand.");
        };
    }

    /** ATTACH PARTITION keeps the partition's name as written, {@code schema.name} or {@code name}. */
    private static String partition(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? Sql.id(name) : Identifiers.quote(name.substring(0, dot), name.substring(dot + 1));
    }

    private static Inverse dropColumn(AlterAction a, ObjectRef table, InverseContext ctx) {
        ColumnState before = ctx.column(table, a.column());
        String restore = before == null ? "" : " The rollback can re-create it (ALTER TABLE " + Sql.name(table)
                + " ADD COLUMN " + Sql.id(a.column()) + " " + before.type() + "), empty, and refill it from the backup.";
        return Inverse.irreversible("DROP COLUMN " + table.qualified() + "." + a.column() + " deletes the column's "
                        + "values; no rollback brings them back." + restore,
                DataBackups.column(table, a.column(), ctx.primaryKey(table), ctx.day()));
    }

    private static Inverse type(AlterAction a, ObjectRef table, ColumnState before, InverseContext ctx) {
        String backup = DataBackups.column(table, a.column(), ctx.primaryKey(table), ctx.day());
        String lossy = "A type change may lose precision or fail on values that do not fit the old type; the backup "
                + "keeps the values as they were.";
        if (before == null) {
            return Inverse.needsTarget("old type of " + table.qualified() + "." + a.column() + " unknown without a target")
                    .preserving(backup, lossy);
        }
        String column = Sql.id(a.column());
        return Inverse.of("ALTER COLUMN " + column + " TYPE " + before.type() + " USING " + column + "::" + before.type())
                .preserving(backup, lossy);
    }

    private static Inverse defaults(AlterAction a, ColumnState before, InverseContext ctx, String at) {
        if (!ctx.hasTarget()) {
            return Inverse.needsTarget("old default of " + at + " unknown without a target");
        }
        if (before == null) {
            return Inverse.notDerivable(at + " does not exist on target '" + ctx.target().name() + "'.");
        }
        String column = "ALTER COLUMN " + Sql.id(a.column());
        if (before.defaultExpr() == null) {
            return a.kind() == StatementKind.DROP_DEFAULT
                    ? Inverse.noneNeeded(at + " has no default on the target.") : Inverse.of(column + " DROP DEFAULT");
        }
        return Inverse.of(column + " SET DEFAULT " + before.defaultExpr());
    }

    private static Inverse notNull(AlterAction a, ColumnState before, InverseContext ctx, String at) {
        if (!ctx.hasTarget()) {
            return Inverse.needsTarget("old NOT NULL of " + at + " unknown without a target");
        }
        if (before == null) {
            return Inverse.notDerivable(at + " does not exist on target '" + ctx.target().name() + "'.");
        }
        boolean setting = a.kind() == StatementKind.SET_NOT_NULL;
        if (before.notNull() == setting) {
            return Inverse.noneNeeded(at + " is already " + (setting ? "NOT NULL" : "nullable") + " on the target.");
        }
        return Inverse.of("ALTER COLUMN " + Sql.id(a.column()) + (setting ? " DROP NOT NULL" : " SET NOT NULL"));
    }

    private static Inverse addConstraint(AlterAction a) {
        if (a.name() == null) {
            return Inverse.notDerivable("The constraint has no name, so PostgreSQL picks one; name it (ADD CONSTRAINT "
                    + "name …) so the rollback can drop it.");
        }
        Inverse drop = Inverse.of("DROP CONSTRAINT " + Sql.id(a.name()));
        return a.constraint() != null && a.constraint().usingIndex()
                ? Inverse.withNote("Dropping the constraint drops the index it was built from too.", drop.sql().get(0))
                : drop;
    }

    private static Inverse dropConstraint(AlterAction a, ObjectRef table, InverseContext ctx) {
        if (!ctx.hasTarget()) {
            return Inverse.needsTarget("definition of constraint " + a.name() + " on " + table.qualified()
                    + " unknown without a target");
        }
        String definition = ctx.target().constraints().get(Sql.key(table) + "." + a.name());
        if (definition == null) {
            return Inverse.notDerivable("Constraint " + a.name() + " does not exist on " + table.qualified()
                    + " on target '" + ctx.target().name() + "'.");
        }
        return Inverse.of("ADD CONSTRAINT " + Sql.id(a.name()) + " " + definition);
    }

    private static Inverse rls(ObjectRef table, InverseContext ctx, boolean enabling, String inverse) {
        if (!ctx.hasTarget()) {
            return Inverse.withNote("Assumes row level security was " + (enabling ? "off" : "on") + " before; plan "
                    + "with a target to check.", inverse);
        }
        boolean on = ctx.target().facts().rlsTables().contains(Sql.key(table));
        return on == enabling ? Inverse.noneNeeded("Row level security is already " + (on ? "on" : "off")
                + " for " + table.qualified() + " on the target.") : Inverse.of(inverse);
    }

    /** Parts in rollback order: fragments become one ALTER TABLE, TODO lines go before it. */
    private static Inverse combine(ObjectRef table, List<Inverse> parts) {
        List<String> todo = new ArrayList<>();
        List<String> fragments = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> backups = new ArrayList<>();
        Status status = Status.NONE_NEEDED;
        for (Inverse p : parts) {
            status = p.status().compareTo(status) > 0 ? p.status() : status;
            p.sql().forEach(line -> (line.startsWith("--") ? todo : fragments).add(line));
            if (p.reason() != null) {
                reasons.add(p.reason());
            }
            if (p.preserveSql() != null) {
                backups.add(p.preserveSql());
            }
        }
        List<String> sql = new ArrayList<>(todo);
        if (!fragments.isEmpty()) {
            sql.add("ALTER TABLE " + Sql.name(table) + " " + String.join(", ", fragments));
        }
        return new Inverse(status, sql, reasons.isEmpty() ? null : String.join(" ", reasons),
                backups.isEmpty() ? null : String.join(";\n", backups), false);
    }
}

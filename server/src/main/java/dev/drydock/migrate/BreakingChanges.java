package dev.drydock.migrate;

import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.List;

/** What a statement breaks for the clients of existing objects: queries that fail or see less afterwards. */
final class BreakingChanges {
    private BreakingChanges() {
    }

    /** One line per change; empty for statements that only add, or that act on objects this migration creates. */
    static List<String> of(StatementInfo s, boolean newTable) {
        List<String> out = new ArrayList<>();
        if (newTable) {
            return out;
        }
        String object = s.target() == null ? "?" : s.target().qualified();
        String at = "statement " + s.statement().index() + " (line " + s.line() + "): ";
        if (s.detail() instanceof Detail.Alter alter) {
            for (AlterAction a : alter.actions()) {
                String change = action(a, alter, object);
                if (change != null) {
                    out.add(at + change);
                }
            }
            return out;
        }
        String change = switch (s.kind()) {
            case DROP_TABLE, DROP_VIEW, DROP_FUNCTION, DROP_TYPE, DROP_SCHEMA, DROP_SEQUENCE ->
                    s.kind() + " " + object + ": every query that uses it fails.";
            case DROP_POLICY -> "drops policy " + object + ": rows it granted access to are hidden (or, with RLS off, "
                    + "nothing changes).";
            case REVOKE -> "revokes privileges: queries of the roles named fail.";
            case TRUNCATE -> "empties " + object + ".";
            default -> null;
        };
        if (change != null) {
            out.add(at + change);
        }
        return out;
    }

    private static String action(AlterAction a, Detail.Alter alter, String table) {
        String column = a.column() == null ? null : table + "." + a.column();
        return switch (a.kind()) {
            case DROP_COLUMN -> "drops column " + column + ": queries that read or write it fail.";
            case RENAME_COLUMN -> "renames column " + column + " to " + a.newName() + ": queries using the old name fail.";
            case RENAME_TABLE -> "renames " + table + " to " + a.newName() + ": queries using the old name fail.";
            case SET_SCHEMA -> "moves " + table + " to schema " + a.name() + ": queries using the old name fail.";
            case ALTER_COLUMN_TYPE -> "changes the type of " + column + " to " + a.name() + ": clients expecting the "
                    + "old type may break.";
            case SET_NOT_NULL -> "makes " + column + " NOT NULL: writes of NULL fail.";
            case ADD_COLUMN -> a.columnDef().notNull() && a.columnDef().defaultExpr() == null && !a.columnDef().identity()
                    && !a.columnDef().serial() && !a.columnDef().generatedStored()
                    ? "adds " + table + "." + a.column() + " NOT NULL without a default: inserts that omit it fail." : null;
            case ADD_CONSTRAINT -> "adds constraint " + (a.name() == null ? "(unnamed)" : a.name()) + " on " + table
                    + ": writes that violate it fail.";
            case ENABLE_RLS -> "enables row level security on " + ObjectRef.of(ObjectRef.Kind.TABLE, alter.table())
                    .qualified() + ": roles without a matching policy see no rows.";
            case DROP_CONSTRAINT, DROP_DEFAULT -> null;
            default -> null;
        };
    }
}

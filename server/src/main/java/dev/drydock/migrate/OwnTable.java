package dev.drydock.migrate;

import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

/** The table a statement changes something of (its columns, indexes, policies, triggers, rows), if any. */
final class OwnTable {
    private OwnTable() {
    }

    static ObjectRef of(StatementInfo s) {
        Detail d = s.detail();
        if (d instanceof Detail.Alter a) {
            return ObjectRef.of(Kind.TABLE, a.table());
        }
        if (d instanceof Detail.Index i) {
            return ObjectRef.of(Kind.TABLE, i.table());
        }
        if (d instanceof Detail.Policy p) {
            return ObjectRef.of(Kind.TABLE, p.table());
        }
        if (d instanceof Detail.Dml dml) {
            return ObjectRef.of(Kind.TABLE, dml.table());
        }
        ObjectRef main = s.target();
        if (main == null) {
            return null;
        }
        return switch (s.kind()) {
            case CREATE_TRIGGER, DROP_TRIGGER, DROP_POLICY, COMMENT -> main.kind() == Kind.TRIGGER
                    || main.kind() == Kind.POLICY || main.kind() == Kind.COLUMN || main.kind() == Kind.TABLE
                    ? main.table() : null;
            default -> null;
        };
    }

    /** RENAME TO and SET SCHEMA change the table's own name: a rollback must undo them even on a new table. */
    static boolean renames(StatementInfo s) {
        return s.detail() instanceof Detail.Alter a && a.actions().stream().map(AlterAction::kind)
                .anyMatch(k -> k == StatementKind.RENAME_TABLE || k == StatementKind.SET_SCHEMA);
    }
}

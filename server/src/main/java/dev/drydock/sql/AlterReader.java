package dev.drydock.sql;

import dev.drydock.sql.Detail.Column;
import dev.drydock.sql.Detail.Constraint;
import dev.drydock.sql.Detail.ConstraintType;
import dev.drydock.sql.Detail.DefaultKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One ALTER TABLE sub-command, with the lock and work locks.md gives it. */
final class AlterReader {
    private static final LockLevel AE = LockLevel.ACCESS_EXCLUSIVE;

    private AlterReader() {
    }

    /** The sub-command at the cursor, or null when Drydock does not know it. */
    static AlterAction action(Cursor c, QualifiedName table) {
        Token at = c.peek();
        if (at == null) {
            return null;
        }
        if (c.accept("ADD")) {
            return add(c, at);
        }
        if (c.accept("DROP")) {
            return drop(c, at);
        }
        if (c.accept("ALTER")) {
            if (c.accept("CONSTRAINT")) {
                return simple(StatementKind.ALTER_TABLE_OTHER, null, c.identifier(), AE, at);
            }
            c.accept("COLUMN");
            return alterColumn(c, c.identifier(), at);
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return new AlterAction(StatementKind.VALIDATE_CONSTRAINT, null, null, null, c.identifier(), false,
                    LockLevel.SHARE_UPDATE_EXCLUSIVE, false, true, at, null);
        }
        if (c.accept("RENAME")) {
            return rename(c, at);
        }
        if (c.is("ENABLE", "ROW", "LEVEL", "SECURITY") || c.is("DISABLE", "ROW", "LEVEL", "SECURITY")) {
            boolean enable = c.accept("ENABLE");
            c.accept("DISABLE");
            return simple(enable ? StatementKind.ENABLE_RLS : StatementKind.DISABLE_RLS, null, null, AE, at);
        }
        if (c.accept("FORCE", "ROW", "LEVEL", "SECURITY")) {
            return simple(StatementKind.FORCE_RLS, null, null, AE, at);
        }
        if (c.accept("NO", "FORCE", "ROW", "LEVEL", "SECURITY")) {
            return simple(StatementKind.NO_FORCE_RLS, null, null, AE, at);
        }
        if (c.accept("ATTACH", "PARTITION")) {
            QualifiedName partition = c.qualifiedName();
            return new AlterAction(StatementKind.ATTACH_PARTITION, null, null, null,
                    partition == null ? null : partition.toString(), false, LockLevel.SHARE_UPDATE_EXCLUSIVE, false, true, at, null);
        }
        if (c.accept("DETACH", "PARTITION")) {
            QualifiedName partition = c.qualifiedName();
            boolean concurrently = c.accept("CONCURRENTLY");
            boolean finalize = c.accept("FINALIZE");
            return new AlterAction(StatementKind.DETACH_PARTITION, null, null, null,
                    partition == null ? null : partition.toString(), concurrently || finalize,
                    concurrently || finalize ? LockLevel.SHARE_UPDATE_EXCLUSIVE : AE, false, false, at, null);
        }
        if (c.accept("SET", "SCHEMA")) {
            return simple(StatementKind.SET_SCHEMA, null, c.identifier(), AE, at);
        }
        if (c.is("ENABLE") || c.is("DISABLE")) {
            List<Token> rest = c.rest();
            boolean trigger = rest.stream().anyMatch(t -> t.isWord("TRIGGER"));
            return simple(StatementKind.ALTER_TABLE_OTHER, null, null,
                    trigger ? LockLevel.SHARE_ROW_EXCLUSIVE : AE, at);
        }
        if (c.is("SET", "LOGGED") || c.is("SET", "UNLOGGED") || c.is("SET", "TABLESPACE") || c.is("SET", "ACCESS", "METHOD")) {
            return new AlterAction(StatementKind.ALTER_TABLE_OTHER, null, null, null, null, false, AE, true, false, at, null);
        }
        if (c.is("SET", "(") || c.is("RESET") || c.is("SET") && c.peek(1) != null && c.peek(1).isPunct("(")) {
            return simple(StatementKind.ALTER_TABLE_OTHER, null, null, LockLevel.SHARE_UPDATE_EXCLUSIVE, at);
        }
        if (c.is("OWNER") || c.is("SET") || c.is("CLUSTER") || c.is("INHERIT") || c.is("NO") || c.is("OF")
                || c.is("NOT") || c.is("REPLICA")) {
            return simple(StatementKind.ALTER_TABLE_OTHER, null, null, AE, at);
        }
        return null;
    }

    private static AlterAction simple(StatementKind kind, String column, String name, LockLevel lock, Token at) {
        return new AlterAction(kind, column, null, null, name, false, lock, false, false, at, null);
    }

    private static AlterAction renamed(StatementKind kind, String column, String name, String newName, Token at) {
        return new AlterAction(kind, column, null, null, name, false, AE, false, false, at, newName);
    }

    private static AlterAction add(Cursor c, Token at) {
        if (c.is("CONSTRAINT") || c.is("PRIMARY") || c.is("UNIQUE") || c.is("CHECK") || c.is("FOREIGN")
                || c.is("EXCLUDE") || c.is("NOT", "NULL")) {
            Constraint k = TableReader.constraint(c);
            if (k == null) {
                return null;
            }
            boolean fk = k.type() == ConstraintType.FOREIGN_KEY;
            boolean scans = !k.notValid() && !k.usingIndex();
            LockLevel lock = fk ? LockLevel.SHARE_ROW_EXCLUSIVE : AE;
            return new AlterAction(StatementKind.ADD_CONSTRAINT, null, null, k, k.name(), false, lock, false, scans, at, null);
        }
        c.accept("COLUMN");
        c.acceptIfNotExists();
        List<Constraint> constraints = new ArrayList<>();
        Column column = TableReader.column(c, constraints);
        if (column == null) {
            return null;
        }
        boolean rewrites = column.defaultKind() == DefaultKind.VOLATILE || column.generatedStored() || column.identity();
        boolean scans = column.notNull() || constraints.stream().anyMatch(k -> k.type() == ConstraintType.CHECK);
        Constraint fk = constraints.stream().filter(k -> k.type() == ConstraintType.FOREIGN_KEY).findFirst().orElse(null);
        return new AlterAction(StatementKind.ADD_COLUMN, column.name(), column, fk, null, false, AE, rewrites,
                scans || rewrites, at, null);
    }

    private static AlterAction drop(Cursor c, Token at) {
        if (c.accept("CONSTRAINT")) {
            c.acceptIfExists();
            return simple(StatementKind.DROP_CONSTRAINT, null, c.identifier(), AE, at);
        }
        if (c.is("ROW", "LEVEL") || c.is("TRIGGER")) {
            return null;
        }
        c.accept("COLUMN");
        c.acceptIfExists();
        String column = c.identifier();
        if (column == null) {
            return null;
        }
        return simple(StatementKind.DROP_COLUMN, column, null, AE, at);
    }

    private static AlterAction alterColumn(Cursor c, String column, Token at) {
        if (column == null) {
            return null;
        }
        if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
            String type = Cursor.text(c.skipUntil(false, "COLLATE", "USING")).toLowerCase(Locale.ROOT);
            return new AlterAction(StatementKind.ALTER_COLUMN_TYPE, column, null, null, type, false, AE, true, true, at, null);
        }
        if (c.accept("SET", "NOT", "NULL")) {
            return new AlterAction(StatementKind.SET_NOT_NULL, column, null, null, null, false, AE, false, true, at, null);
        }
        if (c.accept("DROP", "NOT", "NULL")) {
            return simple(StatementKind.DROP_NOT_NULL, column, null, AE, at);
        }
        if (c.accept("SET", "DEFAULT")) {
            return simple(StatementKind.SET_DEFAULT, column, Cursor.text(c.rest()), AE, at);
        }
        if (c.accept("DROP", "DEFAULT")) {
            return simple(StatementKind.DROP_DEFAULT, column, null, AE, at);
        }
        if (c.is("ADD", "GENERATED")) {
            return new AlterAction(StatementKind.ADD_IDENTITY, column, null, null, null, false, AE, false, false, at, null);
        }
        if (c.is("SET", "STATISTICS")) {
            return simple(StatementKind.ALTER_TABLE_OTHER, column, null, LockLevel.SHARE_UPDATE_EXCLUSIVE, at);
        }
        if (c.is("SET") || c.is("DROP") || c.is("RESET") || c.is("ADD")) {
            return simple(StatementKind.ALTER_TABLE_OTHER, column, null, AE, at);
        }
        return null;
    }

    private static AlterAction rename(Cursor c, Token at) {
        if (c.accept("CONSTRAINT")) {
            String from = c.identifier();
            c.accept("TO");
            return renamed(StatementKind.RENAME_CONSTRAINT, null, from, c.identifier(), at);
        }
        if (c.accept("TO")) {
            String to = c.identifier();
            return renamed(StatementKind.RENAME_TABLE, null, to, to, at);
        }
        c.accept("COLUMN");
        String from = c.identifier();
        c.accept("TO");
        String to = c.identifier();
        return renamed(StatementKind.RENAME_COLUMN, from, to, to, at);
    }
}

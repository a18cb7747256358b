package dev.drydock.sql;

import dev.drydock.sql.Detail.Column;
import dev.drydock.sql.Detail.Constraint;
import dev.drydock.sql.Detail.ConstraintType;
import dev.drydock.sql.Detail.DefaultKind;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.Token.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** CREATE TABLE and ALTER TABLE: columns, constraints, sub-commands and the lock each takes. */
final class TableReader {
    private static final Set<String> SERIAL = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");
    private static final String[] COLUMN_CONSTRAINT_WORDS = {"CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "CHECK", "REFERENCES", "GENERATED", "COLLATE", "COMPRESSION", "STORAGE", "DEFERRABLE", "INITIALLY"};

    private TableReader() {
    }

    static void createTable(Cursor c, StatementBuilder b, boolean temporary, Consumer<List<Token>> nested) {
        c.accept("TABLE");
        boolean ifNotExists = c.acceptIfNotExists();
        QualifiedName name = c.qualifiedName();
        if (name == null) {
            return;
        }
        ObjectRef table = ObjectRef.of(Kind.TABLE, name);
        b.object(table);
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        QualifiedName parent = null;
        if (c.accept("PARTITION", "OF")) {
            parent = c.qualifiedName();
            if (parent != null) {
                b.object(ObjectRef.of(Kind.TABLE, parent));
                b.lock(LockLevel.SHARE_UPDATE_EXCLUSIVE, ObjectRef.of(Kind.TABLE, parent));
            }
        } else if (c.accept("OF")) {
            c.qualifiedName();
        }
        if (c.isPunct("(")) {
            List<Token> inner = c.parenthesized();
            if (c.is("AS")) {
                ctas(b, name, temporary, ifNotExists);
                return;
            }
            for (List<Token> element : Cursor.splitCommas(inner)) {
                tableElement(new Cursor(element), name, columns, constraints);
            }
        }
        if (c.is("AS") || c.is("EXECUTE")) {
            ctas(b, name, temporary, ifNotExists);
            return;
        }
        boolean partitioned = false;
        while (!c.atEnd()) {
            if (c.accept("PARTITION", "BY")) {
                partitioned = true;
            } else {
                c.next();
            }
        }
        for (Constraint k : constraints) {
            if (k.type() == ConstraintType.FOREIGN_KEY && k.references() != null) {
                b.object(ObjectRef.of(Kind.TABLE, k.references()));
                b.lock(LockLevel.SHARE_ROW_EXCLUSIVE, ObjectRef.of(Kind.TABLE, k.references()));
            }
        }
        b.kind(StatementKind.CREATE_TABLE);
        b.detail = new Detail.Table(name, columns, constraints, partitioned, temporary, parent, ifNotExists);
    }

    private static void ctas(StatementBuilder b, QualifiedName name, boolean temporary, boolean ifNotExists) {
        b.kind(StatementKind.CREATE_TABLE_AS);
        b.detail = new Detail.Table(name, List.of(), List.of(), false, temporary, null, ifNotExists);
    }

    private static void tableElement(Cursor c, QualifiedName table, List<Column> columns, List<Constraint> constraints) {
        if (c.atEnd()) {
            return;
        }
        if (c.is("CONSTRAINT") || c.is("PRIMARY") || c.is("UNIQUE") || c.is("CHECK") || c.is("FOREIGN")
                || c.is("EXCLUDE")) {
            Constraint k = constraint(c);
            if (k != null) {
                constraints.add(k);
            }
            return;
        }
        if (c.is("LIKE")) {
            return;
        }
        Column column = column(c, constraints);
        if (column != null) {
            columns.add(column);
        }
    }

    /** Reads {@code name type [constraints…]}; column-level constraints are added to {@code constraints}. */
    static Column column(Cursor c, List<Constraint> constraints) {
        Token at = c.peek();
        String name = c.identifier();
        if (name == null) {
            return null;
        }
        String type = Cursor.text(c.skipUntil(false, COLUMN_CONSTRAINT_WORDS)).toLowerCase(Locale.ROOT);
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean stored = false;
        boolean identity = false;
        String defaultExpr = null;
        DefaultKind defaultKind = DefaultKind.NONE;
        QualifiedName references = null;
        String constraintName = null;
        while (!c.atEnd()) {
            Token kAt = c.peek();
            if (c.accept("CONSTRAINT")) {
                constraintName = c.identifier();
            } else if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("DEFAULT")) {
                Token first = c.next();
                List<Token> expr = new ArrayList<>();
                if (first != null) {
                    expr.add(first);
                    if (first.isPunct("(")) {
                        c.reset(c.position() - 1);
                        expr.clear();
                        int from = c.position();
                        c.parenthesized();
                        expr.addAll(c.since(from));
                    }
                    expr.addAll(c.skipUntil(false, COLUMN_CONSTRAINT_WORDS));
                }
                defaultExpr = Cursor.text(expr);
                defaultKind = Expressions.defaultKind(expr);
            } else if (c.accept("PRIMARY", "KEY")) {
                primaryKey = true;
                notNull = true;
                constraints.add(new Constraint(constraintName, ConstraintType.PRIMARY_KEY, List.of(name), null, false, false, null, kAt));
            } else if (c.accept("UNIQUE")) {
                unique = true;
                c.accept("NULLS", "NOT", "DISTINCT");
                c.accept("NULLS", "DISTINCT");
                constraints.add(new Constraint(constraintName, ConstraintType.UNIQUE, List.of(name), null, false, false, null, kAt));
            } else if (c.accept("CHECK")) {
                String expr = Cursor.text(c.parenthesized());
                c.accept("NO", "INHERIT");
                constraints.add(new Constraint(constraintName, ConstraintType.CHECK, List.of(name), null, false, false, expr, kAt));
            } else if (c.accept("REFERENCES")) {
                references = c.qualifiedName();
                skipReferenceOptions(c);
                constraints.add(new Constraint(constraintName, ConstraintType.FOREIGN_KEY, List.of(name), references, false, false, null, kAt));
            } else if (c.accept("GENERATED")) {
                // GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)] | GENERATED ALWAYS AS (expr) [STORED | VIRTUAL]
                if (!c.accept("ALWAYS")) {
                    c.accept("BY", "DEFAULT");
                }
                c.accept("AS");
                if (c.accept("IDENTITY")) {
                    identity = true;
                    c.parenthesized();
                } else {
                    c.parenthesized();
                    stored |= c.accept("STORED");
                    c.accept("VIRTUAL");
                }
            } else {
                c.next();
                c.skipUntil(false, COLUMN_CONSTRAINT_WORDS);
            }
        }
        boolean serial = SERIAL.contains(type);
        if (serial) {
            defaultKind = DefaultKind.VOLATILE;
            notNull = true;
        }
        return new Column(name, type, notNull, defaultExpr, defaultKind, stored, identity, serial, primaryKey, unique,
                references, at);
    }

    private static void skipReferenceOptions(Cursor c) {
        if (c.isPunct("(")) {
            c.parenthesized();
        }
        while (!c.atEnd()) {
            if (c.accept("MATCH")) {
                c.next();
            } else if (c.accept("ON")) {
                c.acceptAny("DELETE", "UPDATE");
                if (c.accept("SET")) {
                    c.acceptAny("NULL", "DEFAULT");
                    if (c.isPunct("(")) {
                        c.parenthesized();
                    }
                } else if (!c.accept("NO", "ACTION")) {
                    c.acceptAny("CASCADE", "RESTRICT");
                }
            } else {
                return;
            }
        }
    }

    /** Reads a table constraint: {@code [CONSTRAINT name] CHECK|UNIQUE|PRIMARY KEY|FOREIGN KEY|EXCLUDE|NOT NULL …}. */
    static Constraint constraint(Cursor c) {
        Token at = c.peek();
        String name = c.accept("CONSTRAINT") ? c.identifier() : null;
        ConstraintType type;
        List<String> columns = new ArrayList<>();
        QualifiedName references = null;
        String checkExpr = null;
        boolean usingIndex = false;
        if (c.accept("CHECK")) {
            type = ConstraintType.CHECK;
            checkExpr = Cursor.text(c.parenthesized());
        } else if (c.accept("UNIQUE") || c.is("PRIMARY", "KEY")) {
            type = c.accept("PRIMARY", "KEY") ? ConstraintType.PRIMARY_KEY : ConstraintType.UNIQUE;
            c.accept("NULLS", "NOT", "DISTINCT");
            c.accept("NULLS", "DISTINCT");
            if (c.is("USING", "INDEX") && !c.is("USING", "INDEX", "TABLESPACE")) {
                c.accept("USING", "INDEX");
                usingIndex = true;
                String index = c.identifier();
                if (index != null) {
                    columns.add(index);
                }
            } else {
                columns.addAll(identifiers(c.parenthesized()));
            }
        } else if (c.accept("FOREIGN", "KEY")) {
            type = ConstraintType.FOREIGN_KEY;
            columns.addAll(identifiers(c.parenthesized()));
            if (c.accept("REFERENCES")) {
                references = c.qualifiedName();
                skipReferenceOptions(c);
            }
        } else if (c.accept("EXCLUDE")) {
            type = ConstraintType.EXCLUDE;
        } else if (c.accept("NOT", "NULL")) {
            type = ConstraintType.NOT_NULL;
            String column = c.identifier();
            if (column != null) {
                columns.add(column);
            }
        } else {
            return null;
        }
        boolean notValid = false;
        while (!c.atEnd()) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else {
                c.next();
            }
        }
        return new Constraint(name, type, columns, references, notValid, usingIndex, checkExpr, at);
    }

    private static List<String> identifiers(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        for (List<Token> part : Cursor.splitCommas(tokens)) {
            if (!part.isEmpty() && (part.get(0).type() == Type.WORD || part.get(0).type() == Type.QUOTED_IDENT)) {
                names.add(Identifiers.normalize(part.get(0)));
            }
        }
        return names;
    }

    static void alterTable(Cursor c, StatementBuilder b) {
        c.accept("TABLE");
        if (c.is("ALL", "IN")) {
            b.kind(StatementKind.ALTER_TABLE_OTHER);
            return;
        }
        c.acceptIfExists();
        c.accept("ONLY");
        QualifiedName name = c.qualifiedName();
        if (name == null) {
            return;
        }
        c.acceptOperator("*"); // the old spelling for "and its descendants"
        ObjectRef table = ObjectRef.of(Kind.TABLE, name);
        b.object(table);
        List<AlterAction> actions = new ArrayList<>();
        for (List<Token> part : Cursor.splitCommas(c.rest())) {
            AlterAction action = AlterReader.action(new Cursor(part), name);
            if (action == null) {
                b.note = "an ALTER TABLE sub-command Drydock does not know: " + Cursor.text(part);
                return;
            }
            actions.add(action);
        }
        if (actions.isEmpty()) {
            return;
        }
        for (AlterAction a : actions) {
            b.lock(a.lock(), table);
            b.rewrites |= a.rewrites();
            b.scans |= a.scans();
            b.transactional &= !a.concurrently();
            if (a.column() != null) {
                b.object(ObjectRef.member(Kind.COLUMN, name, a.column()));
            }
            if (a.constraint() != null && a.constraint().references() != null) {
                b.object(ObjectRef.of(Kind.TABLE, a.constraint().references()));
                b.lock(LockLevel.SHARE_ROW_EXCLUSIVE, ObjectRef.of(Kind.TABLE, a.constraint().references()));
            }
            if (a.kind() == StatementKind.DROP_COLUMN) {
                b.destructive = true;
                b.reversible = false;
            }
        }
        b.kind(actions.size() == 1 ? actions.get(0).kind() : StatementKind.ALTER_TABLE);
        b.detail = new Detail.Alter(name, actions);
    }
}

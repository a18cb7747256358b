package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;

import java.util.List;

/** INSERT, UPDATE, DELETE and MERGE: the target table and what the WHERE clause really limits. */
final class DmlReader {
    private DmlReader() {
    }

    static void read(Cursor c, StatementBuilder b) {
        String verb = c.acceptAny("DELETE", "UPDATE", "INSERT", "MERGE");
        QualifiedName table;
        switch (verb) {
            case "DELETE" -> {
                c.accept("FROM");
                b.kind(StatementKind.DELETE);
            }
            case "INSERT" -> {
                c.accept("INTO");
                b.kind(StatementKind.INSERT);
            }
            case "MERGE" -> {
                c.accept("INTO");
                b.kind(StatementKind.MERGE);
            }
            default -> b.kind(StatementKind.UPDATE);
        }
        c.accept("ONLY");
        table = c.qualifiedName();
        if (table == null) {
            b.kind = StatementKind.UNKNOWN;
            b.note = verb + " without a table";
            return;
        }
        ObjectRef ref = ObjectRef.of(Kind.TABLE, table);
        b.object(ref).lock(LockLevel.ROW_EXCLUSIVE, ref);
        if (verb.equals("INSERT")) {
            insert(c, b, table);
            return;
        }
        if (verb.equals("MERGE")) {
            // MERGE … ON <condition>: an always-true join condition matches every row of the target
            c.skipUntil(false, "ON");
            c.accept("ON");
            List<Token> on = c.skipUntil(false, "WHEN");
            b.detail = new Detail.Dml(table, true, !on.isEmpty() && Expressions.alwaysTrue(on), true);
            return;
        }
        c.skipUntil(false, "WHERE", "RETURNING");
        boolean hasWhere = c.accept("WHERE");
        boolean tautological = false;
        if (hasWhere && !c.is("CURRENT", "OF")) {
            List<Token> condition = c.skipUntil(false, "RETURNING");
            tautological = Expressions.alwaysTrue(condition);
        }
        if (verb.equals("DELETE")) {
            b.destructive = true;
        }
        b.reversible = false;
        b.detail = new Detail.Dml(table, hasWhere, tautological, false);
    }

    private static void insert(Cursor c, StatementBuilder b, QualifiedName table) {
        if (c.accept("AS")) {
            c.identifier();
        }
        if (c.isPunct("(")) {
            c.parenthesized();
        }
        if (c.accept("OVERRIDING")) {
            c.next();
            c.accept("VALUE");
        }
        boolean fromQuery = c.is("SELECT") || c.is("WITH") || c.is("TABLE") || c.isPunct("(");
        b.detail = new Detail.Dml(table, false, false, fromQuery);
    }
}

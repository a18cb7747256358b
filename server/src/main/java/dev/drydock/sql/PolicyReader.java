package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;

import java.util.ArrayList;
import java.util.List;

/** CREATE POLICY and ALTER POLICY. */
final class PolicyReader {
    private PolicyReader() {
    }

    static void create(Cursor c, StatementBuilder b) {
        read(c, b, StatementKind.CREATE_POLICY);
    }

    static void alter(Cursor c, StatementBuilder b) {
        read(c, b, StatementKind.ALTER_POLICY);
    }

    private static void read(Cursor c, StatementBuilder b, StatementKind kind) {
        String name = c.identifier();
        if (!c.accept("ON")) {
            return;
        }
        QualifiedName table = c.qualifiedName();
        if (table == null || name == null) {
            return;
        }
        if (c.accept("RENAME", "TO")) {
            c.identifier();
        }
        // ALTER POLICY may leave the command and roles as they are: then they are unknown here (null / empty)
        String command = kind == StatementKind.CREATE_POLICY ? "ALL" : null;
        List<String> roles = new ArrayList<>();
        String using = null;
        String withCheck = null;
        while (!c.atEnd()) {
            if (c.accept("AS")) {
                c.acceptAny("PERMISSIVE", "RESTRICTIVE");
            } else if (c.accept("FOR")) {
                String cmd = c.acceptAny("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");
                command = cmd == null ? command : cmd;
            } else if (c.accept("TO")) {
                for (List<Token> part : Cursor.splitCommas(c.skipUntil(false, "USING", "WITH"))) {
                    String role = new Cursor(part).identifier();
                    if (role != null) {
                        roles.add(role);
                    }
                }
            } else if (c.accept("USING")) {
                using = Cursor.text(c.parenthesized());
            } else if (c.accept("WITH", "CHECK")) {
                withCheck = Cursor.text(c.parenthesized());
            } else {
                c.next();
            }
        }
        if (roles.isEmpty() && kind == StatementKind.CREATE_POLICY) {
            roles.add("public");
        }
        ObjectRef ref = ObjectRef.of(Kind.TABLE, table);
        b.kind(kind).object(ref).object(ObjectRef.member(Kind.POLICY, table, name));
        b.lock(LockLevel.ACCESS_EXCLUSIVE, ref);
        b.detail = new Detail.Policy(name, table, command, roles, using, withCheck);
    }
}

package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;

import java.util.List;

/** VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW, CHECKPOINT. */
final class MaintenanceReader {
    private MaintenanceReader() {
    }

    static void read(Cursor c, StatementBuilder b) {
        String verb = c.acceptAny("VACUUM", "ANALYZE", "ANALYSE", "CLUSTER", "REINDEX", "REFRESH", "CHECKPOINT");
        switch (verb) {
            case "VACUUM" -> vacuum(c, b);
            case "ANALYZE", "ANALYSE" -> {
                options(c);
                c.accept("VERBOSE");
                tables(c, b, LockLevel.SHARE_UPDATE_EXCLUSIVE);
                b.kind(StatementKind.ANALYZE);
            }
            case "CLUSTER" -> {
                options(c);
                c.accept("VERBOSE");
                List<QualifiedName> tables = tables(c, b, LockLevel.ACCESS_EXCLUSIVE);
                b.kind(StatementKind.CLUSTER);
                b.rewrites = true;
                b.transactional = !tables.isEmpty();
                b.detail = new Detail.Objects(Kind.TABLE, tables, false, false, false, true);
            }
            case "REINDEX" -> reindex(c, b);
            case "REFRESH" -> {
                c.accept("MATERIALIZED", "VIEW");
                boolean concurrently = c.accept("CONCURRENTLY");
                QualifiedName view = c.qualifiedName();
                b.kind(StatementKind.REFRESH_MATERIALIZED_VIEW);
                if (view != null) {
                    ObjectRef ref = ObjectRef.of(Kind.VIEW, view);
                    b.object(ref).lock(concurrently ? LockLevel.EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE, ref);
                }
            }
            default -> b.kind(StatementKind.CHECKPOINT);
        }
    }

    private static void vacuum(Cursor c, StatementBuilder b) {
        boolean full = false;
        if (c.isPunct("(")) {
            for (List<Token> option : Cursor.splitCommas(c.parenthesized())) {
                if (!option.isEmpty() && option.get(0).isWord("FULL")
                        && (option.size() == 1 || !option.get(1).isWord("FALSE") && !option.get(1).isWord("OFF")
                        && !option.get(1).text().equals("0"))) {
                    full = true;
                }
            }
        }
        while (true) {
            String option = c.acceptAny("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE");
            if (option == null) {
                break;
            }
            full |= option.equals("FULL");
        }
        List<QualifiedName> tables = tables(c, b, full ? LockLevel.ACCESS_EXCLUSIVE : LockLevel.SHARE_UPDATE_EXCLUSIVE);
        b.kind(full ? StatementKind.VACUUM_FULL : StatementKind.VACUUM);
        b.rewrites = full;
        b.transactional = false;
        b.detail = new Detail.Objects(Kind.TABLE, tables, false, false, false, full);
    }

    private static void reindex(Cursor c, StatementBuilder b) {
        options(c);
        String what = c.acceptAny("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM");
        boolean concurrently = c.accept("CONCURRENTLY");
        QualifiedName name = c.qualifiedName();
        b.kind(StatementKind.REINDEX);
        Kind kind = "INDEX".equals(what) ? Kind.INDEX : "TABLE".equals(what) ? Kind.TABLE : Kind.SCHEMA;
        if (name != null) {
            ObjectRef ref = kind == Kind.SCHEMA ? ObjectRef.schema(name.name()) : ObjectRef.of(kind, name);
            b.object(ref);
            if (kind != Kind.SCHEMA) {
                b.lock(concurrently ? LockLevel.SHARE_UPDATE_EXCLUSIVE
                        : kind == Kind.INDEX ? LockLevel.ACCESS_EXCLUSIVE : LockLevel.SHARE, ref);
            }
        }
        b.transactional = !concurrently && (kind != Kind.SCHEMA);
        b.detail = new Detail.Objects(kind, name == null ? List.of() : List.of(name), concurrently, false, false, false);
    }

    private static void options(Cursor c) {
        if (c.isPunct("(")) {
            c.parenthesized();
        }
    }

    private static List<QualifiedName> tables(Cursor c, StatementBuilder b, LockLevel lock) {
        List<QualifiedName> tables = c.qualifiedNames();
        for (QualifiedName t : tables) {
            ObjectRef ref = ObjectRef.of(Kind.TABLE, t);
            b.object(ref).lock(lock, ref);
        }
        return tables;
    }
}

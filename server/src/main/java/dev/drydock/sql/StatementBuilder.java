package dev.drydock.sql;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reader learns about one statement; becomes a {@link StatementInfo}. */
final class StatementBuilder {
    final SqlStatement statement;
    /** 0 for a statement of the script; +1 for each body or clause it sits in. */
    final int depth;
    StatementKind kind = StatementKind.UNKNOWN;
    final List<ObjectRef> objects = new ArrayList<>();
    LockLevel lock = LockLevel.NONE;
    ObjectRef lockOn;
    boolean rewrites;
    boolean scans;
    boolean transactional = true;
    boolean destructive;
    boolean reversible = true;
    Detail detail = Detail.None.INSTANCE;
    final List<StatementInfo> nested = new ArrayList<>();
    boolean dynamicSql;
    /** Recognised, but a part of it (a routine body) could not be read: analysed as UNKNOWN. */
    boolean unreadable;
    String note;

    StatementBuilder(SqlStatement statement, int depth) {
        this.statement = statement;
        this.depth = depth;
    }

    StatementBuilder kind(StatementKind k) {
        kind = k;
        return this;
    }

    StatementBuilder object(ObjectRef ref) {
        if (ref != null) {
            objects.add(ref);
        }
        return this;
    }

    /** Records a lock; the strongest one is kept with the object it is taken on. */
    StatementBuilder lock(LockLevel level, ObjectRef on) {
        if (level.compareTo(lock) > 0) {
            lock = level;
            lockOn = on == null ? null : on.table();
        }
        return this;
    }

    StatementInfo build() {
        Token first = statement.significantTokens().isEmpty() ? null : statement.significantTokens().get(0);
        int line = first == null ? statement.line() : first.line();
        int column = first == null ? statement.column() : first.column();
        ParsePath path = kind == StatementKind.UNKNOWN || unreadable ? ParsePath.UNKNOWN : ParsePath.TOKENS;
        return new StatementInfo(statement, kind, path, objects, lock, lockOn, rewrites, scans, transactional,
                destructive, reversible, detail, nested, dynamicSql, line, column, note);
    }
}

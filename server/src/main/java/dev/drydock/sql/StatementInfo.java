package dev.drydock.sql;

import java.util.List;

/**
 * Everything Drydock knows about one statement: what it does, what it touches, the lock it takes,
 * and the statements it carries inside ({@code DO} and routine bodies, CTEs, EXPLAIN, PREPARE).
 *
 * @param objects       every object the statement touches, the main one first
 * @param lock          the strongest table lock it takes ({@link LockLevel#NONE} when none)
 * @param lockOn        the object that lock is taken on, or null
 * @param rewrites      rewrites a table (and its indexes)
 * @param scans         reads a whole table while holding its lock
 * @param transactional can run inside a transaction block
 * @param destructive   removes data or objects holding data
 * @param reversible    a rollback can restore what it changes (false when data is lost)
 * @param nested        statements inside this one, analysed the same way
 * @param dynamicSql    executes a string built at run time (EXECUTE in PL/pgSQL): cannot be analysed
 * @param line          1-based line of the first significant token (comments before it skipped)
 * @param note          for {@link ParsePath#UNKNOWN}: why it was not recognised (or why the readers disagreed)
 */
public record StatementInfo(SqlStatement statement, StatementKind kind, ParsePath path, List<ObjectRef> objects,
                            LockLevel lock, ObjectRef lockOn, boolean rewrites, boolean scans, boolean transactional,
                            boolean destructive, boolean reversible, Detail detail, List<StatementInfo> nested,
                            boolean dynamicSql, int line, int column, String note) {

    public StatementInfo {
        objects = List.copyOf(objects);
        nested = List.copyOf(nested);
    }

    /** The main object: the table altered, the index created…; null when there is none. */
    public ObjectRef target() {
        return objects.isEmpty() ? null : objects.get(0);
    }

    public StatementInfo withPath(ParsePath newPath, String newNote) {
        return new StatementInfo(statement, kind, newPath, objects, lock, lockOn, rewrites, scans, transactional,
                destructive, reversible, detail, nested, dynamicSql, line, column, newNote);
    }
}

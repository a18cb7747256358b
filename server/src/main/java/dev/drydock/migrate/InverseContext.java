package dev.drydock.migrate;

import dev.drydock.migrate.PlanTarget.ColumnState;
import dev.drydock.sql.ObjectRef;

import java.time.LocalDate;
import java.util.List;

/**
 * What inverses are derived from: the migration's own objects, the target's current definitions
 * (null without a target) and the day that names backup tables.
 */
record InverseContext(PlanTarget target, ScriptObjects script, LocalDate day) {

    boolean hasTarget() {
        return target != null;
    }

    /** The column as it is on the target, or null (no target, or no such column). */
    ColumnState column(ObjectRef table, String column) {
        return target == null ? null : target.columns().get(Sql.key(table) + "." + column);
    }

    List<String> primaryKey(ObjectRef table) {
        return target == null ? null : target.primaryKeys().get(Sql.key(table));
    }

    /** True when the target has the relation (table, view, index, sequence) and no statement before {@code index} drops it. */
    boolean exists(ObjectRef relation, int index) {
        return stillThere(ScriptObjects.relation(relation), index, target != null && target.hasRelation(Sql.key(relation)));
    }

    /**
     * True when the object {@code key} is on the target ({@code onTarget}) and no statement before
     * {@code index} drops it: a CREATE after a DROP of the same object creates it anew.
     */
    boolean stillThere(String key, int index, boolean onTarget) {
        return onTarget && !script.droppedBefore(key, index);
    }
}

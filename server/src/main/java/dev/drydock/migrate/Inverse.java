package dev.drydock.migrate;

import java.util.List;
import java.util.Locale;

/**
 * How one statement (or one ALTER TABLE sub-command) is undone.
 *
 * @param sql              statements of the inverse, in order, without semicolons; {@code -- TODO} lines
 *                         stand where a value is unknown
 * @param reason           why there is no (complete) inverse, or what to know about the one given
 * @param preserveSql      SQL to run before the migration that keeps the data it destroys, or null
 * @param nonTransactional the inverse cannot run in a transaction block (DROP INDEX CONCURRENTLY)
 */
record Inverse(Status status, List<String> sql, String reason, String preserveSql, boolean nonTransactional) {

    /** Worst last: a statement's status is the worst of its parts'. */
    enum Status {
        NONE_NEEDED, COVERED, INVERSE, NEEDS_TARGET, NOT_DERIVABLE, IRREVERSIBLE;

        String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    Inverse {
        sql = List.copyOf(sql);
    }

    static Inverse of(String... sql) {
        return new Inverse(Status.INVERSE, List.of(sql), null, null, false);
    }

    static Inverse withNote(String reason, String... sql) {
        return new Inverse(Status.INVERSE, List.of(sql), reason, null, false);
    }

    static Inverse noneNeeded(String reason) {
        return new Inverse(Status.NONE_NEEDED, List.of(), reason, null, false);
    }

    static Inverse covered(String reason) {
        return new Inverse(Status.COVERED, List.of(), reason, null, false);
    }

    /** {@code todo} is written into the rollback as a {@code -- TODO:} line. */
    static Inverse needsTarget(String todo) {
        return new Inverse(Status.NEEDS_TARGET, List.of("-- TODO: " + todo), "Needs a target: " + todo + ".", null, false);
    }

    static Inverse notDerivable(String reason) {
        return new Inverse(Status.NOT_DERIVABLE, List.of(), reason, null, false);
    }

    static Inverse irreversible(String reason, String preserveSql) {
        return new Inverse(Status.IRREVERSIBLE, List.of(), reason, preserveSql, false);
    }

    Inverse outsideTransaction() {
        return new Inverse(status, sql, reason, preserveSql, true);
    }

    Inverse preserving(String backup, String why) {
        return new Inverse(status, sql, reason == null ? why : reason + " " + why, backup, nonTransactional);
    }
}

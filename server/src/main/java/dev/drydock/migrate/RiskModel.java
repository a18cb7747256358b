package dev.drydock.migrate;

import dev.drydock.sql.Detail;
import dev.drydock.sql.LockLevel;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.List;

/**
 * The risk of each statement and of the migration: simple, deterministic and documented in
 * docs/tools/plan_migration.md ("Risk"). A statement's score, 0–100:
 *
 * <pre>
 * score = lock + work × size + loss + breaking + unanalysed + nonTransactional
 *   lock        10 when it takes a lock that blocks writes (SHARE or stronger) on an existing table, else 0
 *   work        60 rewrite (REFRESH MATERIALIZED VIEW too), 40 scan / index build / UPDATE or DELETE of every row;
 *               a quarter of that when the lock lets reads and writes go on (CONCURRENTLY, VALIDATE)
 *   size        by estimated rows: 0 new table, 0.1 under 10k, 0.5 under 1M, 0.8 under 10M, 1.0 above,
 *               0.5 when unknown (no target)
 *   loss        65 a whole table's rows (DROP TABLE/SCHEMA/DATABASE, TRUNCATE, DELETE without WHERE),
 *               50 other data-destroying statements (DROP COLUMN, DROP SEQUENCE, … CASCADE),
 *               40 UPDATE without WHERE, 20 DELETE/UPDATE/MERGE with a WHERE
 *   breaking    15 when it breaks existing clients and destroys nothing (renames, type change, SET NOT NULL…)
 *   unanalysed  50 a statement Drydock cannot read, 30 dynamic SQL it cannot see into
 *   nonTransactional 5 (a failure leaves work half done, such as an INVALID index)
 * </pre>
 *
 * Levels: under 20 LOW, under 45 MEDIUM, under 75 HIGH, else CRITICAL. The migration's
 * {@code overallRisk} is the highest statement score, plus 5 for every other statement scoring 45 or
 * more, plus 10 when the rollback is dangerous (5 when complex), capped at 100.
 */
final class RiskModel {
    static final String NONE = "none";
    static final String BRIEF = "brief";
    static final String EXCLUSIVE = "exclusive";

    private RiskModel() {
    }

    /** none: no lock that blocks writes; brief: such a lock for a catalog change; exclusive: such a lock during work. */
    static String lockingBehavior(StatementInfo s, boolean newTable) {
        if (s.kind() == StatementKind.UNKNOWN) {
            return EXCLUSIVE;
        }
        if (everyRow(s) && !newTable) {
            return EXCLUSIVE; // row locks on every row: writers of any row wait
        }
        if (s.lock().compareTo(LockLevel.SHARE) < 0 || newTable) {
            return NONE;
        }
        return rewrites(s) || s.scans() ? EXCLUSIVE : BRIEF;
    }

    /** A rewrite, counting REFRESH MATERIALIZED VIEW, which recomputes the whole view. */
    private static boolean rewrites(StatementInfo s) {
        return s.rewrites() || s.kind() == StatementKind.REFRESH_MATERIALIZED_VIEW;
    }

    /** none, read, rewrite, write, overwrite or loss. */
    static String dataImpact(StatementInfo s) {
        if (s.destructive()) {
            return "loss";
        }
        return switch (s.kind()) {
            case UPDATE, MERGE -> "overwrite";
            case INSERT, COPY -> "write";
            default -> s.rewrites() ? "rewrite" : s.scans() ? "read" : "none";
        };
    }

    static int score(StatementInfo s, String behavior, Long rows, boolean newTable, boolean breaking) {
        double lock = behavior.equals(NONE) || newTable ? 0 : 10;
        double work = rewrites(s) ? 60 : s.scans() || everyRow(s) ? 40 : 0;
        if (behavior.equals(NONE)) {
            work /= 4;
        }
        double loss = newTable ? 0 : loss(s);
        double unanalysed = s.kind() == StatementKind.UNKNOWN ? 50 : s.dynamicSql() ? 30 : 0;
        double total = lock + work * sizeFactor(rows, newTable) + loss + (breaking && loss == 0 ? 15 : 0) + unanalysed
                + (s.transactional() ? 0 : 5);
        return (int) Math.min(100, Math.round(total));
    }

    static double sizeFactor(Long rows, boolean newTable) {
        if (newTable) {
            return 0;
        }
        if (rows == null) {
            return 0.5;
        }
        return rows < 10_000 ? 0.1 : rows < 1_000_000 ? 0.5 : rows < 10_000_000 ? 0.8 : 1.0;
    }

    private static double loss(StatementInfo s) {
        boolean where = s.detail() instanceof Detail.Dml d && d.hasWhere() && !d.tautological();
        return switch (s.kind()) {
            case DROP_TABLE, DROP_SCHEMA, DROP_DATABASE, TRUNCATE -> 65;
            case DELETE -> where ? 20 : 65;
            case UPDATE -> where ? 20 : 40;
            case MERGE -> 20;
            default -> s.destructive() ? 50 : 0;
        };
    }

    /** UPDATE, DELETE or MERGE with no WHERE, or one that is always true. */
    private static boolean everyRow(StatementInfo s) {
        return (s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE)
                && s.detail() instanceof Detail.Dml d && (!d.hasWhere() || d.tautological());
    }

    static String level(int score) {
        return score < 20 ? "LOW" : score < 45 ? "MEDIUM" : score < 75 ? "HIGH" : "CRITICAL";
    }

    /** The migration's risk from its statements' scores and how hard it is to roll back. */
    static int overall(List<Integer> scores, String rollbackComplexity) {
        int max = scores.stream().mapToInt(Integer::intValue).max().orElse(0);
        long high = scores.stream().filter(x -> x >= 45).count();
        int others = (int) Math.max(0, high - (max >= 45 ? 1 : 0));
        int rollback = switch (rollbackComplexity) {
            case "dangerous" -> 10;
            case "complex" -> 5;
            default -> 0;
        };
        return Math.min(100, max + 5 * others + rollback);
    }
}

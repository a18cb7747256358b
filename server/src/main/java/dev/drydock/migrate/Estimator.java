package dev.drydock.migrate;

import dev.drydock.migrate.PlanTarget.Relation;
import dev.drydock.sql.Detail;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

/**
 * How long a statement works on its table, from the target's real sizes and fixed throughput
 * constants (deliberately modest: a busy production server, not a benchmark). Catalog-only changes
 * take no time; work on a table this migration creates takes none either; work on a table whose
 * size is unknown (no target) has no estimate, and says so.
 */
final class Estimator {
    /** A rewrite copies the table with its indexes and TOAST ({@code pg_total_relation_size}): 100 MB/s. */
    static final double REWRITE_BYTES_PER_SECOND = 100e6;
    /** A scan (validation, SET NOT NULL, the read of an index build) reads the main fork: 200 MB/s. */
    static final double SCAN_BYTES_PER_SECOND = 200e6;
    /** Sorting and writing a B-tree index: 1,000,000 rows/s (CONCURRENTLY scans twice: twice the time). */
    static final double INDEX_ROWS_PER_SECOND = 1e6;
    /** UPDATE, DELETE and MERGE: 100,000 rows/s, counted as if every row of the table were touched. */
    static final double DML_ROWS_PER_SECOND = 100e3;
    /** Rows assumed per byte of table when it was never analysed ({@code reltuples} = -1): one per 100 bytes. */
    static final long BYTES_PER_ROW = 100;

    static final String CATALOG_ONLY = "catalog-only";
    static final String NEW_TABLE = "new-table";
    static final String TARGET = "target";
    static final String UNKNOWN_SIZE = "unknown-size";

    /** @param seconds null when unknown */
    record Estimate(Double seconds, String basis) {
    }

    private Estimator() {
    }

    /** Rows of a relation: its estimate, or its size over {@link #BYTES_PER_ROW} when never analysed. */
    static long rows(Relation r) {
        return r.rows() != null ? r.rows() : r.bytes() / BYTES_PER_ROW;
    }

    static Estimate estimate(StatementInfo s, boolean newTable, Relation size) {
        if (!worksOnRows(s)) {
            return new Estimate(0.0, CATALOG_ONLY);
        }
        if (newTable && !insertFromQuery(s)) {
            return new Estimate(0.0, NEW_TABLE);
        }
        if (size == null || insertFromQuery(s)) {
            return new Estimate(null, UNKNOWN_SIZE);
        }
        return new Estimate(round(seconds(s, size)), TARGET);
    }

    /** True when the statement reads or writes the rows of a table, not only the catalog. */
    static boolean worksOnRows(StatementInfo s) {
        return s.rewrites() || s.scans() || s.kind() == StatementKind.UNKNOWN || s.kind() == StatementKind.REFRESH_MATERIALIZED_VIEW
                || s.kind() == StatementKind.UPDATE || s.kind() == StatementKind.DELETE || s.kind() == StatementKind.MERGE
                || insertFromQuery(s);
    }

    /** INSERT … SELECT works on the tables it reads, which Drydock does not size. */
    private static boolean insertFromQuery(StatementInfo s) {
        return s.kind() == StatementKind.INSERT && s.detail() instanceof Detail.Dml d && d.fromQuery();
    }

    private static double seconds(StatementInfo s, Relation size) {
        long rows = rows(size);
        if (s.rewrites() || s.kind() == StatementKind.REFRESH_MATERIALIZED_VIEW) {
            return size.totalBytes() / REWRITE_BYTES_PER_SECOND;
        }
        if (s.detail() instanceof Detail.Index index) {
            double once = size.bytes() / SCAN_BYTES_PER_SECOND + rows / INDEX_ROWS_PER_SECOND;
            return index.concurrently() ? 2 * once : once;
        }
        if (s.kind().isData()) {
            return rows / DML_ROWS_PER_SECOND;
        }
        return size.bytes() / SCAN_BYTES_PER_SECOND;
    }

    /** Up to the next hundredth of a second, so that no real work shows as 0. */
    private static double round(double seconds) {
        return Math.ceil(seconds * 100) / 100;
    }
}

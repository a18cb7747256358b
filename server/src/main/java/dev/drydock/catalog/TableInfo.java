package dev.drydock.catalog;

import java.util.List;

/**
 * A table as list_tables shows it. The first fields are the terse view; the lists after
 * {@code comment} are filled only in verbose mode and are null (omitted from JSON) otherwise.
 *
 * @param rows estimated from pg_class.reltuples; null when the table was never analysed
 */
public record TableInfo(String schema, String name, String kind, Long rows, String size, boolean rls,
                        int policyCount, List<String> primaryKey, String comment,
                        List<ColumnInfo> columns, List<ForeignKey> foreignKeys, List<ForeignKey> referencedBy,
                        List<IndexInfo> indexes, List<CheckInfo> checks, List<PolicyInfo> policies) {

    /** @param identity {@code ALWAYS} or {@code BY DEFAULT}; @param generated the expression of a STORED column */
    public record ColumnInfo(String name, String type, boolean nullable, String defaultValue, String identity,
                             String generated) {
    }

    /** A foreign key, seen from either side: {@code table} is the other table. */
    public record ForeignKey(String name, List<String> columns, String table, List<String> referencedColumns,
                             String definition) {
    }

    public record IndexInfo(String name, String definition, boolean unique, boolean primary, boolean valid) {
    }

    public record CheckInfo(String name, String definition, boolean validated) {
    }

    public record PolicyInfo(String name, String command, boolean permissive, List<String> roles, String using,
                             String withCheck) {
    }
}

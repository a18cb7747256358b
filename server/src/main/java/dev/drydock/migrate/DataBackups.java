package dev.drydock.migrate;

import dev.drydock.sql.Identifiers;
import dev.drydock.sql.ObjectRef;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** SQL that keeps a copy of data a statement destroys: {@code backup_<table>[_<column>]_<yyyymmdd>}. */
final class DataBackups {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DataBackups() {
    }

    /** {@code CREATE TABLE backup_t_20261121 AS TABLE t} (rows only: no constraints, indexes or defaults). */
    static String table(ObjectRef table, LocalDate day) {
        return "CREATE TABLE " + name(table, null, day) + " AS TABLE " + Sql.name(table);
    }

    /**
     * The column with the primary key to put it back by ({@code UPDATE t SET c = b.c FROM backup b WHERE
     * t.id = b.id}); the whole table when the key is unknown.
     */
    static String column(ObjectRef table, String column, List<String> primaryKey, LocalDate day) {
        if (primaryKey == null || primaryKey.isEmpty() || primaryKey.contains(column)) {
            return "CREATE TABLE " + name(table, column, day) + " AS TABLE " + Sql.name(table);
        }
        List<String> columns = new ArrayList<>();
        primaryKey.forEach(k -> columns.add(Identifiers.quote(k)));
        columns.add(Identifiers.quote(column));
        return "CREATE TABLE " + name(table, column, day) + " AS SELECT " + String.join(", ", columns) + " FROM "
                + Sql.name(table);
    }

    /** The backup table's name, in the table's schema, cut to PostgreSQL's 63 bytes before the date. */
    static String name(ObjectRef table, String column, LocalDate day) {
        String suffix = "_" + DAY.format(day);
        String base = "backup_" + table.name() + (column == null ? "" : "_" + column);
        while (base.getBytes(StandardCharsets.UTF_8).length + suffix.length() > Identifiers.MAX_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return Identifiers.quote(table.schema(), base + suffix);
    }
}

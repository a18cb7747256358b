package dev.drydock.catalog;

import java.util.List;

/** A view or materialized view; {@code columns} only in verbose mode. */
public record ViewInfo(String schema, String name, String kind, String comment, List<TableInfo.ColumnInfo> columns) {
}

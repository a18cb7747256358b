package dev.drydock.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a real target says about the schema a migration will run on. Keys are {@code schema.table}
 * and {@code schema.table.column}.
 *
 * @param rows         estimated rows per table, from {@code pg_class.reltuples} (absent when never analysed)
 * @param indexes      per table, the key columns of each valid index, in order
 * @param rlsTables    tables with row level security enabled
 * @param policyTables tables with at least one policy
 * @param columnTypes  current type of each column, as {@code format_type} writes it
 * @param notNullProven columns a validated {@code CHECK (col IS NOT NULL)} covers, {@code schema.table.column}
 */
public record TargetFacts(String target, int version, Map<String, Long> rows, Map<String, List<List<String>>> indexes,
                          Set<String> rlsTables, Set<String> policyTables, Map<String, String> columnTypes,
                          Set<String> notNullProven) {
}

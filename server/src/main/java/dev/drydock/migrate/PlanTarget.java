package dev.drydock.migrate;

import dev.drydock.lint.TargetFacts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan reads from a real target: sizes and current definitions of the objects a migration
 * touches, so that estimates use real sizes and a rollback can restore old values. Keys are
 * {@code schema.name} (relations, types, functions), {@code schema.table.member} (columns,
 * constraints, triggers, policies); schemas and extensions by name.
 *
 * @param fingerprint the schema fingerprint of the whole target ({@code SnapshotReader})
 * @param facts       what the linter reads from a target
 * @param relations   the relations asked about that exist, with their sizes
 * @param functions   per name, {@code pg_get_functiondef} of each overload
 * @param policies    {@code CREATE POLICY} statements rebuilt from {@code pg_policies}
 */
public record PlanTarget(String name, int version, String fingerprint, TargetFacts facts,
                         Map<String, Relation> relations, Map<String, ColumnState> columns,
                         Map<String, List<String>> primaryKeys, Map<String, String> constraints,
                         Map<String, String> indexes, Map<String, View> views, Map<String, List<String>> functions,
                         Map<String, String> triggers, Map<String, String> policies, Set<String> types,
                         Set<String> schemas, Set<String> extensions, Set<String> availableExtensions) {

    /**
     * A relation's size. {@code rows} is {@code pg_class.reltuples}, null when never analysed;
     * {@code bytes} the main fork ({@code pg_relation_size}), {@code totalBytes} with indexes and TOAST.
     */
    public record Relation(String kind, Long rows, long bytes, long totalBytes) {
    }

    /** A column now: type as {@code format_type} writes it, NOT NULL, default expression (null when none). */
    public record ColumnState(String type, boolean notNull, String defaultExpr) {
    }

    /** A view's definition as {@code pg_get_viewdef} gives it (no trailing semicolon). */
    public record View(boolean materialized, String definition) {
    }

    public boolean hasRelation(String key) {
        return relations.containsKey(key);
    }
}

package dev.drydock.lint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's settings from drydock.yaml: severity overrides ({@code policy.rules.<id>}) and the
 * blocked patterns ({@code policy.blocked}) that execute_sql and applies to protected targets refuse.
 */
public record LintPolicy(Map<Rule, Severity> overrides, Set<Rule> blocked) {
    public static final List<Rule> DEFAULT_BLOCKED = List.of(Rule.DROP_TABLE, Rule.DROP_SCHEMA_OR_DATABASE,
            Rule.TRUNCATE, Rule.DELETE_WITHOUT_WHERE, Rule.UPDATE_WITHOUT_WHERE, Rule.DISABLE_RLS, Rule.ALTER_SYSTEM,
            Rule.COPY_TO_PROGRAM, Rule.DYNAMIC_SQL);

    public LintPolicy {
        overrides = overrides.isEmpty() ? Map.of() : new EnumMap<>(overrides);
        blocked = blocked.isEmpty() ? Set.of() : EnumSet.copyOf(blocked);
    }

    public static LintPolicy defaults() {
        return new LintPolicy(Map.of(), EnumSet.copyOf(DEFAULT_BLOCKED));
    }

    public Severity severity(Rule rule) {
        return overrides.getOrDefault(rule, rule.defaultSeverity());
    }

    public boolean isBlocked(Rule rule) {
        return blocked.contains(rule);
    }
}

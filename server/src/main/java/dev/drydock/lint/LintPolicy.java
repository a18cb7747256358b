package dev.drydock.lint;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;

import java.util.ArrayList;
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

    /** The policy drydock.yaml configures; unknown rule ids are a configuration error naming their line. */
    public static LintPolicy from(DrydockConfig.Policy config) {
        List<String> errors = new ArrayList<>();
        Map<Rule, Severity> overrides = new EnumMap<>(Rule.class);
        config.ruleSeverities().forEach((id, severity) -> {
            Rule rule = Rule.byId(id);
            if (rule == null) {
                errors.add(unknown("policy.rules." + id, id, config));
            } else {
                overrides.put(rule, Severity.parse(severity));
            }
        });
        Set<Rule> blocked = EnumSet.noneOf(Rule.class);
        for (String id : config.blocked() == null ? DEFAULT_BLOCKED.stream().map(Rule::id).toList() : config.blocked()) {
            Rule rule = Rule.byId(id);
            if (rule == null) {
                errors.add(unknown("policy.blocked", id, config));
            } else {
                blocked.add(rule);
            }
        }
        if (!errors.isEmpty()) {
            throw new DrydockException(ErrorCode.CONFIG_INVALID, "Invalid configuration (" + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s") + "):\n- " + String.join("\n- ", errors),
                    "Rule ids are listed in docs/rules/README.md.");
        }
        return new LintPolicy(overrides, blocked);
    }

    private static String unknown(String key, String id, DrydockConfig.Policy config) {
        Integer line = config.lines().get(key);
        return "drydock.yaml" + (line == null ? "" : " line " + line) + ": " + key + " names '" + id
                + "', which is not a rule id (for example drop-table, require-concurrent-index).";
    }

    public Severity severity(Rule rule) {
        return overrides.getOrDefault(rule, rule.defaultSeverity());
    }

    public boolean isBlocked(Rule rule) {
        return blocked.contains(rule);
    }
}

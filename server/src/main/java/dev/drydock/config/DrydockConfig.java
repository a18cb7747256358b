package dev.drydock.config;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.db.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drydock's settings after parsing and validation: immutable, built once at start.
 *
 * @param configFile      the drydock.yaml read, or null when there is none
 * @param targets         in the order configured; never empty (the embedded {@code local} when nothing is)
 * @param branchServerUrl null for the embedded PostgreSQL
 * @param secrets         every password and token Drydock knows, for the {@link Redactor}
 * @param stateDirectory  where approvals live, outside the project (see {@link StateDirectory})
 */
public record DrydockConfig(Path projectDir, Path configFile, List<Target> targets, String defaultTarget,
                            DatabaseUrl branchServerUrl, Duration readStatementTimeout, List<String> secrets,
                            Policy policy, Types types, Project project, Promotion promotion,
                            Path stateDirectory) {

    public DrydockConfig {
        targets = List.copyOf(targets);
        secrets = List.copyOf(secrets);
    }

    /**
     * Where the project keeps its migrations ({@code project:} in drydock.yaml), relative to the
     * project directory; null parts are detected.
     */
    public record Project(String migrations, String rollbacks, String seed) {
        public static Project detect() {
            return new Project(null, null, null);
        }
    }

    /**
     * Where and how the project keeps its generated types ({@code types:} in drydock.yaml).
     *
     * @param out the project file, or null when none is configured
     */
    public record Types(String out, List<String> schemas, String lang, String javaPackage, String postgrestVersion) {
        public Types {
            schemas = List.copyOf(schemas);
        }

        public static Types defaults() {
            return new Types(null, List.of("public"), "typescript", "db", null);
        }
    }

    /**
     * The lint policy as configured (ids are checked against the rule catalogue by the linter).
     *
     * @param ruleSeverities {@code policy.rules.<id>} → error|warning|info|off
     * @param blocked        {@code policy.blocked}, or null for the default list
     * @param lines          the drydock.yaml line of each setting, for error messages
     * @param approvalTtl    {@code policy.approvalTtl}: how long a human's approval stays valid
     */
    public record Policy(Map<String, String> ruleSeverities, List<String> blocked, Map<String, Integer> lines,
                         Duration approvalTtl) {
        public static final Duration DEFAULT_APPROVAL_TTL = Duration.ofMinutes(30);

        public Policy {
            ruleSeverities = Map.copyOf(ruleSeverities);
            blocked = blocked == null ? null : List.copyOf(blocked);
            lines = Map.copyOf(lines);
            approvalTtl = approvalTtl == null ? DEFAULT_APPROVAL_TTL : approvalTtl;
        }

        public Policy(Map<String, String> ruleSeverities, List<String> blocked, Map<String, Integer> lines) {
            this(ruleSeverities, blocked, lines, DEFAULT_APPROVAL_TTL);
        }

        public static Policy defaults() {
            return new Policy(Map.of(), null, Map.of());
        }
    }

    /**
     * How changes reach targets ({@code policy.*} keys of apply_migration and rollback). Only
     * drydock.yaml sets these: no tool argument relaxes them.
     */
    public record Promotion(boolean requireRollback, List<String> allowInMigrations, Duration lockTimeout, int lockRetries,
                            Duration statementTimeout, Duration targetLockWait) {
        public Promotion {
            allowInMigrations = List.copyOf(allowInMigrations);
        }

        public static Promotion defaults() {
            return new Promotion(true, List.of(), Duration.ofSeconds(3), 3, Duration.ofMinutes(10), Duration.ofSeconds(30));
        }
    }

    public Optional<Target> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The target a call means: the named one, or the default when {@code name} is null or blank. */
    public Target resolveTarget(String name) {
        String wanted = name == null || name.isBlank() ? defaultTarget : name;
        return target(wanted).orElseThrow(() -> new DrydockException(ErrorCode.UNKNOWN_TARGET,
                "No target named '" + wanted + "'. Configured targets: " + targetNames() + ".",
                "Targets are defined under `targets:` in drydock.yaml, or by --database-url (target `default`).",
                "call the tool again with target set to one of " + targetNames()));
    }

    public List<String> targetNames() {
        List<String> names = new ArrayList<>();
        targets.forEach(t -> names.add(t.name()));
        return names;
    }

    /** True when a target is the embedded PostgreSQL, which Drydock then starts itself. */
    public boolean hasEmbeddedTarget() {
        return targets.stream().anyMatch(Target::isEmbedded);
    }

    public Redactor redactor() {
        return new Redactor(secrets);
    }
}

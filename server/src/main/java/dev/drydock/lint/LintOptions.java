package dev.drydock.lint;

/**
 * How to lint: the PostgreSQL version to assume and, when a target is given, what it holds.
 *
 * @param pgVersion major version (11, 17…); the target's real version when {@code target} is set
 * @param target    facts read from a real target, or null
 */
public record LintOptions(int pgVersion, TargetFacts target) {
    /** What Drydock assumes without --pg-version or a target: the version it embeds. */
    public static final int DEFAULT_PG_VERSION = 17;

    public static LintOptions defaults() {
        return new LintOptions(DEFAULT_PG_VERSION, null);
    }
}

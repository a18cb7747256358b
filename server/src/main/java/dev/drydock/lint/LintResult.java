package dev.drydock.lint;

import dev.drydock.sql.ParsePath;

import java.util.List;
import java.util.Map;

/**
 * The outcome of linting one or more migrations.
 *
 * @param findings   every finding after severities and ignores, sorted by file and position
 * @param blocked    the blocked patterns hit (operator policy; inline ignores never lift these)
 * @param paths      how many statements each reader handled (top-level statements)
 */
public record LintResult(int statementCount, List<Finding> findings, List<Finding> blocked,
                         Map<ParsePath, Integer> paths) {

    public LintResult {
        findings = List.copyOf(findings);
        blocked = List.copyOf(blocked);
        paths = Map.copyOf(paths);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** No error; with {@code strict}, no warning either. */
    public boolean ok(boolean strict) {
        return count(Severity.ERROR) == 0 && (!strict || count(Severity.WARNING) == 0);
    }
}

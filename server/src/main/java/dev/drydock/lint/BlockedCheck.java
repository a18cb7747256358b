package dev.drydock.lint;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.sql.StatementAnalyzer;

import java.util.List;

/**
 * The operator's blocked patterns as a guard: SQL that hits one is refused before it reaches a
 * database. Matching is on the analysed statements (and what they carry inside), never on text.
 */
public final class BlockedCheck {
    private final Linter linter;
    private final LintPolicy policy;

    public BlockedCheck(StatementAnalyzer analyzer, LintPolicy policy) {
        this.linter = new Linter(analyzer, policy);
        this.policy = policy;
    }

    /** The blocked patterns {@code sql} hits, in order (none when nothing is blocked). */
    public List<Finding> hits(String sql) {
        if (policy.blocked().isEmpty()) {
            return List.of();
        }
        return linter.lint(List.of(new Linter.Source(null, sql)), LintOptions.defaults()).blocked();
    }

    /** Throws BLOCKED_PATTERN naming every pattern hit, with its line and object. */
    public void refuseBlocked(String sql) {
        refuseBlocked(sql, "to change data or schema, write a migration and check it with validate_sql");
    }

    /** As {@link #refuseBlocked(String)}, with the next step that fits where the SQL was to run. */
    public void refuseBlocked(String sql, String nextStep) {
        if (policy.blocked().isEmpty()) {
            return;
        }
        List<Finding> hits = linter.lint(List.of(new Linter.Source(null, sql)), LintOptions.defaults()).blocked();
        if (hits.isEmpty()) {
            return;
        }
        Finding first = hits.get(0);
        StringBuilder message = new StringBuilder("Blocked by policy: ");
        for (int i = 0; i < hits.size(); i++) {
            Finding f = hits.get(i);
            message.append(i == 0 ? "" : "; ").append(f.rule()).append(" at line ").append(f.line())
                    .append(" (").append(f.message()).append(')');
        }
        throw new DrydockException(ErrorCode.BLOCKED_PATTERN, message.toString(),
                "The operator's policy.blocked in drydock.yaml refuses " + first.rule() + " here, whatever the statement's "
                        + "form. Safe alternative: " + first.fix(),
                nextStep);
    }
}

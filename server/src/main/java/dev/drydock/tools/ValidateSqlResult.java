package dev.drydock.tools;

import dev.drydock.lint.DynamicCheck;
import dev.drydock.lint.Finding;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Severity;
import dev.drydock.lint.Validator;
import dev.drydock.sql.ParsePath;

import java.util.List;

/**
 * validate_sql's result. {@code findings} is capped at {@code maxFindings}; {@code findingsOmitted}
 * counts the rest (the summary always counts all).
 */
public record ValidateSqlResult(boolean ok, int statementCount, List<FindingOut> findings, int findingsOmitted,
                                Summary summary, List<FindingOut> blocked, int pgVersion, String target,
                                List<String> files, ParsedBy parsedBy, Dynamic dynamic) implements ToolOutput {

    /** One finding as agents read it; positions are 1-based in {@code file} (or in the SQL given). */
    public record FindingOut(String rule, String severity, String message, String fix, String file,
                             int statement_index, int line, int column, String object) {
        static FindingOut of(Finding f) {
            return new FindingOut(f.rule(), f.severity().id(), f.message(), f.fix(), f.file(), f.statementIndex(),
                    f.line(), f.column(), f.object());
        }
    }

    public record Summary(long errors, long warnings, long info) {
    }

    /** How many statements each reader handled: JSqlParser and the token reader agreeing, tokens alone, neither. */
    public record ParsedBy(int jsqlparser, int tokens, int unknown) {
    }

    /**
     * The dynamic check: whether the SQL ran on a scratch clone, which, why not (or why it stopped
     * early), and the statements not executed (the first of them in {@code skipped}).
     */
    public record Dynamic(boolean requested, boolean ran, String database, String reason, int executed,
                          int notExecuted, List<Skipped> skipped) {
        static Dynamic of(DynamicCheck.Outcome o) {
            return new Dynamic(o.requested(), o.ran(), o.database(), o.reason(), o.executed(), o.notExecuted(),
                    o.skipped().stream().map(s -> new Skipped(s.file(), s.statementIndex(), s.line(), s.reason())).toList());
        }
    }

    /** A statement the dynamic check did not execute. */
    public record Skipped(String file, int statement_index, int line, String reason) {
    }

    /** The result for a validation report; {@code maxFindings} caps {@code findings} (the summary counts all). */
    public static ValidateSqlResult of(Validator.Report report, int maxFindings) {
        LintResult r = report.result();
        List<FindingOut> shown = r.findings().stream().limit(maxFindings).map(FindingOut::of).toList();
        List<FindingOut> blocked = r.blocked().stream().limit(maxFindings).map(FindingOut::of).toList();
        return new ValidateSqlResult(r.ok(false), r.statementCount(), shown, r.findings().size() - shown.size(),
                new Summary(r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO)), blocked,
                report.pgVersion(), report.target(), report.files(),
                new ParsedBy(r.paths().getOrDefault(ParsePath.JSQLPARSER, 0), r.paths().getOrDefault(ParsePath.TOKENS, 0),
                        r.paths().getOrDefault(ParsePath.UNKNOWN, 0)), Dynamic.of(report.dynamic()));
    }

    /**
     * Compiler-style, as `drydock validate` prints it too: {@code file:line:col: severity rule: message}
     * and the fix indented, then the blocked patterns hit and a one-line summary.
     */
    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (FindingOut f : findings) {
            sb.append(f.file == null ? "sql" : f.file).append(':').append(Math.max(1, f.line)).append(':')
                    .append(Math.max(1, f.column)).append(": ").append(f.severity).append(' ').append(f.rule)
                    .append(": ").append(f.message).append('\n');
            if (f.fix != null && !f.fix.isBlank()) {
                sb.append("    fix: ").append(f.fix).append('\n');
            }
        }
        if (findingsOmitted > 0) {
            sb.append("… ").append(findingsOmitted).append(" more finding(s) not shown (raise max_findings)\n");
        }
        if (!blocked.isEmpty()) {
            sb.append("Blocked patterns hit (refused by execute_sql and on protected targets): ")
                    .append(blocked.stream().map(b -> b.rule + " at line " + b.line).distinct().toList()).append('\n');
        }
        dynamicText(sb);
        return sb.append(statementCount).append(" statements, ").append(summary.errors).append(" errors, ")
                .append(summary.warnings).append(" warnings, ").append(summary.info).append(" info (PostgreSQL ")
                .append(pgVersion).append(target == null ? "" : ", target " + target).append(')').toString();
    }

    private void dynamicText(StringBuilder sb) {
        if (dynamic.ran) {
            sb.append("Ran on ").append(dynamic.database).append(", rolled back: ").append(dynamic.executed)
                    .append(" statement(s) accepted, ").append(dynamic.notExecuted).append(" not executed")
                    .append(dynamic.reason == null ? "" : ". " + dynamic.reason).append('\n');
            dynamic.skipped.forEach(s -> sb.append("    not executed: ").append(s.file == null ? "sql" : s.file).append(':')
                    .append(s.line).append(": ").append(s.reason).append('\n'));
        } else if (dynamic.requested) {
            sb.append("Dynamic check not run: ").append(dynamic.reason).append('\n');
        }
    }
}

package dev.drydock.lint;

import dev.drydock.sql.Analysis;
import dev.drydock.sql.Analysis.IgnoreComment;
import dev.drydock.sql.ParsePath;
import dev.drydock.sql.ScriptProblem;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lints migrations: each file is analysed, checked statement by statement in the context of the
 * migration (and of earlier files in the same run, and of the target when one is given), then the
 * operator's policy and the migration's ignore comments are applied.
 */
public final class Linter {
    private final StatementAnalyzer analyzer;
    private final LintPolicy policy;

    public Linter(StatementAnalyzer analyzer, LintPolicy policy) {
        this.analyzer = analyzer;
        this.policy = policy;
    }

    /** A migration to lint: {@code path} names it in findings (null for SQL given directly). */
    public record Source(String path, String sql) {
    }

    public LintResult lint(List<Source> sources, LintOptions options) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> blocked = new ArrayList<>();
        Map<ParsePath, Integer> paths = new EnumMap<>(ParsePath.class);
        MigrationState.Carried carried = MigrationState.Carried.empty();
        int statements = 0;
        for (Source source : sources) {
            Analysis analysis = analyzer.analyze(source.sql());
            statements += analysis.statements().size();
            for (StatementInfo s : analysis.statements()) {
                paths.merge(s.path(), 1, Integer::sum);
            }
            lintOne(source.path(), analysis, options, carried, findings, blocked);
        }
        Comparator<Finding> order = Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file())
                .thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::rule);
        findings.sort(order);
        blocked.sort(order);
        return new LintResult(statements, findings, blocked, paths);
    }

    private void lintOne(String file, Analysis analysis, LintOptions options, MigrationState.Carried carried,
                         List<Finding> findings, List<Finding> blocked) {
        MigrationState state = new MigrationState(analysis.noTransaction(), options, carried);
        Emitter emitter = new Emitter(file, state);
        for (ScriptProblem p : analysis.problems()) {
            emitter.emitAt(Rule.SYNTAX_ERROR, -1, p.line(), 1, null, p.message() + " " + p.hint());
        }
        for (StatementInfo s : analysis.statements()) {
            Checks.statement(s, state, emitter);
        }
        Checks.finish(state, emitter);
        List<Finding> raw = emitter.findings;
        for (Finding f : raw) {
            Rule rule = Rule.byId(f.rule());
            if (policy.isBlocked(rule)) {
                blocked.add(f);
            }
        }
        findings.addAll(applyIgnores(file, analysis, raw));
    }

    /** Applies {@code -- drydock:ignore} comments, then the operator's severities. */
    private List<Finding> applyIgnores(String file, Analysis analysis, List<Finding> raw) {
        Map<Integer, StatementInfo> byFirstLine = new HashMap<>();
        for (StatementInfo s : analysis.statements()) {
            byFirstLine.put(s.line(), s);
        }
        Set<Integer> ignoreLines = new HashSet<>();
        analysis.ignores().forEach(i -> ignoreLines.add(i.line()));
        List<Finding> out = new ArrayList<>();
        Map<IgnoreComment, Boolean> used = new HashMap<>();
        List<Finding> kept = new ArrayList<>(raw);
        for (IgnoreComment ignore : analysis.ignores()) {
            Rule rule = Rule.byId(ignore.rule());
            if (rule == null || ignore.reason().isEmpty()) {
                out.add(new Finding(Rule.INVALID_IGNORE.id(), Rule.INVALID_IGNORE.defaultSeverity(), rule == null
                        ? "drydock:ignore names no known rule ('" + ignore.rule() + "')."
                        : "drydock:ignore " + rule.id() + " gives no reason; a reason is required.",
                        Rule.INVALID_IGNORE.fix(), file, -1, ignore.line(), ignore.column(), null));
                continue;
            }
            StatementInfo target = statementBelow(ignore.line(), byFirstLine, ignoreLines);
            boolean suppressed = target != null && kept.removeIf(f -> f.rule().equals(rule.id())
                    && f.statementIndex() == target.statement().index());
            if (!suppressed) {
                out.add(new Finding(Rule.UNUSED_IGNORE.id(), Rule.UNUSED_IGNORE.defaultSeverity(),
                        "drydock:ignore " + rule.id() + " suppresses nothing: "
                                + (target == null ? "no statement starts on the line below it."
                                : "the statement below it has no " + rule.id() + " finding."),
                        Rule.UNUSED_IGNORE.fix(), file, -1, ignore.line(), ignore.column(), null));
            }
            used.put(ignore, suppressed);
        }
        out.addAll(kept);
        List<Finding> result = new ArrayList<>();
        for (Finding f : out) {
            Severity severity = policy.overrides().containsKey(Rule.byId(f.rule()))
                    ? policy.severity(Rule.byId(f.rule())) : f.severity();
            if (severity != Severity.OFF) {
                result.add(severity == f.severity() ? f : new Finding(f.rule(), severity, f.message(), f.fix(), f.file(),
                        f.statementIndex(), f.line(), f.column(), f.object()));
            }
        }
        return result;
    }

    /** The statement an ignore comment applies to: the one starting right below it (past other ignores). */
    private static StatementInfo statementBelow(int line, Map<Integer, StatementInfo> byFirstLine, Set<Integer> ignoreLines) {
        int next = line + 1;
        while (ignoreLines.contains(next)) {
            next++;
        }
        return byFirstLine.get(next);
    }
}

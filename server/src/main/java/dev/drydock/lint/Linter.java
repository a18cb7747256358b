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

    /** A migration read statement by statement; {@code path} as in {@link Source}. */
    public record Analyzed(String path, Analysis analysis) {
    }

    public List<Analyzed> analyze(List<Source> sources) {
        return sources.stream().map(s -> new Analyzed(s.path(), analyzer.analyze(s.sql()))).toList();
    }

    public LintResult lint(List<Source> sources, LintOptions options) {
        return lint(analyze(sources), options, List.of());
    }

    /**
     * @param extra findings from outside the static rules (the dynamic check), each in the file it
     *              names; ignore comments and the operator's severities apply to them as to the rest
     */
    public LintResult lint(List<Analyzed> analyzed, LintOptions options, List<Finding> extra) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> blocked = new ArrayList<>();
        Map<ParsePath, Integer> paths = new EnumMap<>(ParsePath.class);
        MigrationState.Carried carried = MigrationState.Carried.empty();
        int statements = 0;
        for (Analyzed source : analyzed) {
            Analysis analysis = source.analysis();
            statements += analysis.statements().size();
            for (StatementInfo s : analysis.statements()) {
                paths.merge(s.path(), 1, Integer::sum);
            }
            List<Finding> ofFile = extra.stream().filter(f -> java.util.Objects.equals(f.file(), source.path())).toList();
            lintOne(source.path(), analysis, options, carried, ofFile, findings, blocked);
        }
        Comparator<Finding> order = Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file())
                .thenComparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::rule);
        findings.sort(order);
        blocked.sort(order);
        return new LintResult(statements, findings, blocked, paths);
    }

    private void lintOne(String file, Analysis analysis, LintOptions options, MigrationState.Carried carried,
                         List<Finding> extra, List<Finding> findings, List<Finding> blocked) {
        MigrationState state = new MigrationState(analysis.noTransaction(), options, carried);
        Emitter emitter = new Emitter(file, state);
        for (ScriptProblem p : analysis.problems()) {
            emitter.emitAt(Rule.SYNTAX_ERROR, -1, p.line(), 1, null, p.message() + " " + p.hint());
        }
        for (StatementInfo s : analysis.statements()) {
            Checks.statement(s, state, emitter);
        }
        Checks.finish(state, emitter);
        List<Finding> raw = new ArrayList<>(emitter.findings);
        raw.addAll(extra);
        for (Finding f : raw) {
            Rule rule = Rule.byId(f.rule());
            if (policy.isBlocked(rule)) {
                blocked.add(f);
            }
        }
        findings.addAll(applyIgnores(file, analysis, raw));
    }

    /** Applies {@code -- drydock:ignore} comments, then the operator's severities. Linear in findings and ignores. */
    private List<Finding> applyIgnores(String file, Analysis analysis, List<Finding> raw) {
        Map<Integer, StatementInfo> byFirstLine = new HashMap<>();
        for (StatementInfo s : analysis.statements()) {
            byFirstLine.put(s.line(), s);
        }
        Map<Integer, StatementInfo> below = statementsBelow(analysis.ignores(), byFirstLine);
        Map<String, List<Finding>> byStatementAndRule = new HashMap<>();
        for (Finding f : raw) {
            byStatementAndRule.computeIfAbsent(f.statementIndex() + " " + f.rule(), k -> new ArrayList<>()).add(f);
        }
        Set<Finding> suppressed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Finding> out = new ArrayList<>();
        for (IgnoreComment ignore : analysis.ignores()) {
            Rule rule = Rule.byId(ignore.rule());
            if (rule == null || ignore.reason().isEmpty()) {
                out.add(new Finding(Rule.INVALID_IGNORE.id(), Rule.INVALID_IGNORE.defaultSeverity(), rule == null
                        ? "drydock:ignore names no known rule ('" + ignore.rule() + "')."
                        : "drydock:ignore " + rule.id() + " gives no reason; a reason is required.",
                        Rule.INVALID_IGNORE.fix(), file, -1, ignore.line(), ignore.column(), null));
                continue;
            }
            StatementInfo target = below.get(ignore.line());
            List<Finding> hits = target == null ? List.of()
                    : byStatementAndRule.getOrDefault(target.statement().index() + " " + rule.id(), List.of());
            if (hits.isEmpty()) {
                out.add(new Finding(Rule.UNUSED_IGNORE.id(), Rule.UNUSED_IGNORE.defaultSeverity(),
                        "drydock:ignore " + rule.id() + " suppresses nothing: "
                                + (target == null ? "no statement starts on the line below it."
                                : "the statement below it has no " + rule.id() + " finding."),
                        Rule.UNUSED_IGNORE.fix(), file, -1, ignore.line(), ignore.column(), null));
            }
            suppressed.addAll(hits);
        }
        for (Finding f : raw) {
            if (!suppressed.contains(f)) {
                out.add(f);
            }
        }
        List<Finding> result = new ArrayList<>(out.size());
        for (Finding f : out) {
            Rule rule = Rule.byId(f.rule());
            Severity severity = policy.overrides().containsKey(rule) ? policy.severity(rule) : f.severity();
            if (severity != Severity.OFF) {
                result.add(severity == f.severity() ? f : new Finding(f.rule(), severity, f.message(), f.fix(), f.file(),
                        f.statementIndex(), f.line(), f.column(), f.object()));
            }
        }
        return result;
    }

    /**
     * For each ignore comment's line, the statement it applies to: the one starting on the next line,
     * past any further ignore comments stacked between (computed bottom-up, once).
     */
    private static Map<Integer, StatementInfo> statementsBelow(List<IgnoreComment> ignores,
                                                               Map<Integer, StatementInfo> byFirstLine) {
        Set<Integer> ignoreLines = new HashSet<>();
        ignores.forEach(i -> ignoreLines.add(i.line()));
        List<Integer> lines = new ArrayList<>(ignoreLines);
        lines.sort(java.util.Comparator.reverseOrder());
        Map<Integer, StatementInfo> below = new HashMap<>();
        for (int line : lines) {
            StatementInfo next = byFirstLine.get(line + 1);
            below.put(line, next != null || !ignoreLines.contains(line + 1) ? next : below.get(line + 1));
        }
        return below;
    }
}

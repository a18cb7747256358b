package dev.drydock.bench;

import dev.drydock.lint.LintOptions;
import dev.drydock.lint.LintPolicy;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Linter;
import dev.drydock.sql.JSqlParserCheck;
import dev.drydock.sql.ParsePath;
import dev.drydock.sql.ScriptProblem;
import dev.drydock.sql.Splitter;
import dev.drydock.sql.SqlStatement;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.TokenReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lint throughput benchmark (a main method, not a test; run by scripts/bench-lint.sh).
 *
 * <p>Builds a script of at least 10,000 statements from the safe corpus: the corpus is repeated, and
 * in copy k every object the corpus creates (tables, views, types, indexes, functions, ...) is renamed
 * to name_k, so the statements of each copy differ in text. Then lints it in-process (warm-up rounds,
 * then timed rounds) and reports statements per second, a rough split of where the time goes, and the
 * share of statements each parse path handles in several corpora.
 *
 * <p>Arguments: repository root, path to write the generated script to.
 */
public final class LintBenchmark {
    private static final int TARGET_STATEMENTS = 10_000;
    private static final int WARMUP = Integer.getInteger("warmup", 5);
    private static final int ROUNDS = Integer.getInteger("rounds", 10);
    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unique\\s+)?(?:materialized\\s+)?"
                    + "(table|view|type|index|function|procedure|sequence|trigger|policy)\\s+"
                    + "(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(?:\"?[a-z_][a-z0-9_]*\"?\\.)?\"?([a-z_][a-z0-9_]*)");

    private LintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        Path res = root.resolve("server/src/test/resources");
        List<Path> safe = sqlFiles(res.resolve("lint-corpus/safe"));
        try (StatementAnalyzer analyzer = new StatementAnalyzer()) {
            Linter linter = new Linter(analyzer, LintPolicy.defaults());

            // 1. the script
            StringBuilder corpus = new StringBuilder();
            for (Path p : safe) {
                String sql = Files.readString(p);
                corpus.append(sql);
                if (!sql.endsWith("\n")) {
                    corpus.append('\n');
                }
            }
            String base = corpus.toString();
            Set<String> names = new LinkedHashSet<>();
            Matcher m = CREATED.matcher(base);
            while (m.find()) {
                String n = m.group(2).toLowerCase(Locale.ROOT);
                if (n.length() > 2) {
                    names.add(n);
                }
            }
            Pattern rename = Pattern.compile("(?i)\\b(" + String.join("|", names) + ")\\b");
            int perCopy = analyzer.analyze(base).statements().size();
            StringBuilder script = new StringBuilder();
            int copies = 0;
            int counted = 0;
            while (counted < TARGET_STATEMENTS) {
                copies++;
                String suffix = "_" + copies;
                String copy = rename.matcher(base).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + suffix));
                counted += analyzer.analyze(copy).statements().size();
                script.append("-- copy ").append(copies).append('\n').append(copy);
            }
            String sql = script.toString();
            List<Linter.Source> sources = List.of(new Linter.Source("bench.sql", sql));
            LintResult first = linter.lint(sources, LintOptions.defaults());
            int n = first.statementCount();
            System.out.printf(Locale.ROOT, "Script: %d safe-corpus files, %d statements per copy, %d copies, "
                            + "%d objects renamed per copy; %d statements, %d lines, %.1f MB; findings %d%n",
                    safe.size(), perCopy, copies, names.size(), n, sql.split("\n", -1).length,
                    sql.length() / 1e6, first.findings().size());
            if (out != null) {
                Files.writeString(out, sql, StandardCharsets.UTF_8);
                System.out.println("Written to " + out);
            }

            // 2. throughput. JSqlParser's verdicts are remembered per analyzer (by statement shape), so
            // "unseen" rounds use a fresh analyzer each time: only the JIT is warm, nothing is cached.
            // the small, unrepeated script first, before the big one fills the heap
            String once = base;
            int onceCount = analyzer.analyze(once).statements().size();
            List<Linter.Source> onceSources = List.of(new Linter.Source("corpus-once.sql", once));
            double[] small = time(() -> {
                try (StatementAnalyzer fresh = new StatementAnalyzer()) {
                    return new Linter(fresh, LintPolicy.defaults()).lint(onceSources, LintOptions.defaults());
                }
            });
            report("lint, corpus once, no repetition (fresh analyzer)", onceCount, small);
            double[] unseen = time(() -> {
                try (StatementAnalyzer fresh = new StatementAnalyzer()) {
                    return new Linter(fresh, LintPolicy.defaults()).lint(sources, LintOptions.defaults());
                }
            });
            report("lint, unseen script (fresh analyzer per round)", n, unseen);
            double[] seen = time(() -> linter.lint(sources, LintOptions.defaults()));
            report("lint, same script again (verdicts remembered)", n, seen);
            double[] analyze = time(() -> {
                try (StatementAnalyzer fresh = new StatementAnalyzer()) {
                    return fresh.analyze(sql);
                }
            });
            report("  analyzer.analyze alone (fresh)", n, analyze);
            List<ScriptProblem> problems = new ArrayList<>();
            double[] split = time(() -> Splitter.splitLenient(sql, new ArrayList<>()));
            report("    Splitter.splitLenient (lexer)", n, split);
            List<SqlStatement> statements = Splitter.splitLenient(sql, problems);
            double[] tokens = time(() -> {
                List<StatementInfo> infos = new ArrayList<>(statements.size());
                for (SqlStatement s : statements) {
                    infos.add(TokenReader.read(s));
                }
                return infos;
            });
            report("    TokenReader.read, all statements (1 thread)", n, tokens);
            List<StatementInfo> infos = new ArrayList<>();
            for (SqlStatement s : statements) {
                infos.add(TokenReader.read(s));
            }
            double[] jsql = time(() -> {
                try (JSqlParserCheck check = new JSqlParserCheck()) {
                    return check.confirm(infos);
                }
            });
            report("    JSqlParserCheck.confirm (fresh, " + Runtime.getRuntime().availableProcessors()
                    + " workers)", n, jsql);

            // 3. parse paths
            System.out.println();
            System.out.println("| corpus | files | statements | jsqlparser | tokens | unknown |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            paths(linter, "example project migrations (examples/supabase-starter)",
                    sqlFiles(root.resolve("examples/supabase-starter/supabase/migrations")));
            paths(linter, "safe corpus (lint-corpus/safe)", safe);
            List<Path> rules = new ArrayList<>(sqlFiles(res.resolve("rule-cases")));
            rules.addAll(sqlFiles(res.resolve("blocked-corpus")));
            paths(linter, "rule-cases + blocked-corpus", rules);
            row("generated benchmark script (one file)", 1, n, first.paths());
        }
        System.exit(0);
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static volatile Object sink;

    private static double[] time(Work w) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            sink = w.run();
        }
        double[] s = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            sink = w.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        return s;
    }

    private static void report(String what, int n, double[] sorted) {
        double med = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%-55s median %7.1f ms = %,9.0f statements/s (min %,.0f, max %,.0f; %d rounds after %d warm-up)%n",
                what, med * 1000, n / med, n / sorted[sorted.length - 1], n / sorted[0], sorted.length, WARMUP);
    }

    private static void paths(Linter linter, String name, List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        List<Linter.Source> sources = new ArrayList<>();
        for (Path p : files) {
            sources.add(new Linter.Source(p.getFileName().toString(), Files.readString(p)));
        }
        Map<ParsePath, Integer> counts = new EnumMap<>(ParsePath.class);
        int total = 0;
        for (Linter.Source s : sources) { // one lint per file, so no file's state leaks into the next
            LintResult r = linter.lint(List.of(s), LintOptions.defaults());
            r.paths().forEach((k, v) -> counts.merge(k, v, Integer::sum));
            total += r.statementCount();
        }
        row(name, files.size(), total, counts);
    }

    private static void row(String name, int files, int total, Map<ParsePath, Integer> counts) {
        StringBuilder row = new StringBuilder("| " + name + " | " + files + " | " + total);
        for (ParsePath p : ParsePath.values()) {
            int c = counts.getOrDefault(p, 0);
            row.append(String.format(Locale.ROOT, " | %d (%.1f %%)", c, total == 0 ? 0 : 100.0 * c / total));
        }
        System.out.println(row.append(" |"));
    }

    private static List<Path> sqlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}

package dev.drydock.lint;

import dev.drydock.sql.StatementAnalyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test resources: the rule cases, the safe corpus and the blocked-pattern corpus, and one shared analyzer. */
final class LintCorpus {
    static final StatementAnalyzer ANALYZER = new StatementAnalyzer();
    static final Path RESOURCES = Path.of("src/test/resources");

    private LintCorpus() {
    }

    static List<Path> files(String dir) {
        try (Stream<Path> s = Files.list(RESOURCES.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LintResult lint(String sql, int pgVersion) {
        return new Linter(ANALYZER, LintPolicy.defaults()).lint(List.of(new Linter.Source("test.sql", sql)),
                new LintOptions(pgVersion, null));
    }
}

package dev.drydock.lint;

import dev.drydock.sql.ParsePath;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The realistic corpora: safe migrations lint clean; blocked patterns are caught and near misses pass. */
class CorpusTest {

    @Test
    void safeMigrationsProduceNoErrorsAndNoWarnings() {
        List<Linter.Source> sources = new ArrayList<>();
        for (Path p : LintCorpus.files("lint-corpus/safe")) {
            sources.add(new Linter.Source(p.getFileName().toString(), LintCorpus.read(p)));
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(60);
        LintResult result = new Linter(LintCorpus.ANALYZER, LintPolicy.defaults()).lint(sources, LintOptions.defaults());
        List<Finding> serious = result.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        assertThat(serious).as(serious.stream().map(f -> f.file() + ":" + f.line() + " " + f.rule() + " " + f.message())
                .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(result.blocked()).isEmpty();
        assertThat(result.paths().getOrDefault(ParsePath.UNKNOWN, 0)).isZero();
    }

    @Test
    void everyBlockCaseIsBlockedByItsPattern() {
        List<String> missed = new ArrayList<>();
        for (Path p : LintCorpus.files("blocked-corpus")) {
            String name = p.getFileName().toString();
            if (!name.startsWith("block-")) {
                continue;
            }
            String pattern = name.substring("block-".length(), name.lastIndexOf('-'));
            LintResult result = LintCorpus.lint(LintCorpus.read(p), LintOptions.DEFAULT_PG_VERSION);
            if (result.blocked().stream().noneMatch(f -> f.rule().equals(pattern))) {
                missed.add(name + " -> " + result.blocked().stream().map(Finding::rule).toList());
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void passCasesHitNoBlockedPattern() {
        List<String> wrong = new ArrayList<>();
        for (Path p : LintCorpus.files("blocked-corpus")) {
            String name = p.getFileName().toString();
            if (!name.startsWith("pass-")) {
                continue;
            }
            LintResult result = LintCorpus.lint(LintCorpus.read(p), LintOptions.DEFAULT_PG_VERSION);
            if (!result.blocked().isEmpty()) {
                wrong.add(name + " -> " + result.blocked().stream().map(f -> f.rule() + ":" + f.line()).toList());
            }
        }
        assertThat(wrong).isEmpty();
    }
}

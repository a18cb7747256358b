package dev.drydock.lint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every static rule: a case where it fires (right line and object) and a near miss where it
 * must not. {@code semantic-error} comes only from PostgreSQL, in the dynamic check: its cases are
 * in {@code DynamicCheckTest}.
 */
class RuleCasesTest {
    private static final Pattern HEADER = Pattern.compile("^-- (expect-line|expect-object|pg-version):\\s*(.+?)\\s*$",
            Pattern.MULTILINE);

    @ParameterizedTest
    @EnumSource(value = Rule.class, mode = EnumSource.Mode.EXCLUDE, names = "SEMANTIC_ERROR")
    void firesOnItsCaseAtTheRightLineAndObject(Rule rule) {
        Path file = LintCorpus.RESOURCES.resolve("rule-cases/" + rule.id() + ".fires.sql");
        assertThat(file).as("rule case for " + rule.id()).exists();
        String sql = LintCorpus.read(file);
        List<Finding> findings = findings(rule, sql);
        assertThat(findings).as(rule.id() + " fires on " + file).isNotEmpty();
        String line = header(sql, "expect-line");
        if (line != null) {
            assertThat(findings).as("line of " + rule.id()).anyMatch(f -> f.line() == Integer.parseInt(line));
        }
        String object = header(sql, "expect-object");
        if (object != null) {
            assertThat(findings).as("object of " + rule.id() + " " + findings)
                    .anyMatch(f -> f.object() != null && f.object().contains(object));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Rule.class, mode = EnumSource.Mode.EXCLUDE, names = "SEMANTIC_ERROR")
    void staysQuietOnItsNearMiss(Rule rule) {
        Path file = LintCorpus.RESOURCES.resolve("rule-cases/" + rule.id() + ".passes.sql");
        assertThat(Files.exists(file)).as("near miss for " + rule.id()).isTrue();
        assertThat(findings(rule, LintCorpus.read(file))).as(rule.id() + " on its near miss").isEmpty();
    }

    private static List<Finding> findings(Rule rule, String sql) {
        String version = header(sql, "pg-version");
        int pg = version == null ? LintOptions.DEFAULT_PG_VERSION : Integer.parseInt(version);
        return LintCorpus.lint(sql, pg).findings().stream().filter(f -> f.rule().equals(rule.id())).toList();
    }

    private static String header(String sql, String key) {
        Matcher m = HEADER.matcher(sql);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return m.group(2);
            }
        }
        return null;
    }
}

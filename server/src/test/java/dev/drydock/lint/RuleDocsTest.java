package dev.drydock.lint;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule has its page, listed in the index, stating the severity the code uses. */
class RuleDocsTest {
    private static final Path RULES = Path.of("..", "docs", "rules");

    @Test
    void everyRuleHasAPageWithItsDefaultSeverityAndIsInTheIndex() throws Exception {
        String index = Files.readString(RULES.resolve("README.md"));
        for (Rule rule : Rule.values()) {
            Path page = RULES.resolve(rule.id() + ".md");
            assertThat(page).as("docs/rules/%s.md", rule.id()).exists();
            String text = Files.readString(page);
            assertThat(text).startsWith("# " + rule.id());
            assertThat(text).as("severity on the page of " + rule.id())
                    .contains("**Default severity:** " + rule.defaultSeverity().id());
            assertThat(text).as("suppression on the page of " + rule.id()).contains("drydock:ignore");
            assertThat(index).as("index lists " + rule.id()).contains("(" + rule.id() + ".md)");
        }
    }

    @Test
    void blockedByDefaultMatchesThePages() throws Exception {
        for (Rule rule : Rule.values()) {
            String text = Files.readString(RULES.resolve(rule.id() + ".md"));
            boolean blocked = LintPolicy.DEFAULT_BLOCKED.contains(rule);
            assertThat(text).as("blocked flag on the page of " + rule.id())
                    .contains("**Blocked pattern by default:** " + (blocked ? "yes" : "no"));
        }
    }
}

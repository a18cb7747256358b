package dev.drydock.sql;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSqlParser classifies a statement and its shape alike: the premise of parsing shapes once.
 * ({@code name} is a PostgreSQL key word, so it stays.)
 */
class StatementShapeTest {

    @Test
    void jsqlparserReadsEveryCorpusStatementAndItsShapeAsTheSameClass() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/test/resources/lint-corpus/safe", "src/test/resources/rule-cases",
                "src/test/resources/blocked-corpus", "../examples/supabase-starter/supabase/migrations")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
            }
        }
        JSqlParserCheck.ParserSlot slot = new JSqlParserCheck.ParserSlot();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Path file : files) {
            List<ScriptProblem> problems = new ArrayList<>();
            for (SqlStatement st : Splitter.splitLenient(Files.readString(file), problems)) {
                List<Token> tokens = st.significantTokens();
                String text = st.text().substring(tokens.get(0).start() - st.start());
                String original = JSqlParserCheck.parse(text, new JSqlParserCheck.ParserSlot());
                String shaped = JSqlParserCheck.parse(new StatementShape().of(tokens), new JSqlParserCheck.ParserSlot());
                String reused = JSqlParserCheck.parse(text, slot);
                if (original == null ? reused != null : !original.equals(reused)) {
                    differences.add(file.getFileName() + ": " + original + " vs reused parser " + reused + ": " + text);
                }
                compared++;
                // JSqlParser cannot lex some originals (U& identifiers, some E'' escapes) but reads their
                // shape: that only adds a confirmation. Whatever it reads, the shape must read the same.
                if (original != null && !original.equals(shaped)) {
                    differences.add(file.getFileName() + ": " + original + " vs shape " + shaped + ": " + new StatementShape().of(tokens));
                }
            }
        }
        assertThat(compared).isGreaterThan(800);
        assertThat(differences).isEmpty();
    }

    @Test
    void namesAndValuesAreReplacedAndKeywordsKept() {
        String shape = new StatementShape().of(Splitter.split("DELETE FROM \"Users\" u WHERE u.id = 42 AND name = E'x'").get(0)
                .significantTokens());
        assertThat(shape).isEqualTo("DELETE FROM \"x\" x WHERE x . x = 1 AND NAME = E's'");
    }
}

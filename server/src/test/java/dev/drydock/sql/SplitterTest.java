package dev.drydock.sql;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitterTest {

    private static List<String> texts(String sql) {
        return Splitter.split(sql).stream().map(SqlStatement::text).toList();
    }

    @Test
    void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotSplit() {
        String sql = """
                select 'a;b', "c;d", E'it\\'s;', U&'\\0041;' from t; -- x;y
                /* outer /* nested; */ still; */ select $$;$$, $fn$ begin; end $fn$;
                create function f() returns int language plpgsql as $body$ begin return 1; end $body$;
                """;
        assertThat(texts(sql)).containsExactly(
                "select 'a;b', \"c;d\", E'it\\'s;', U&'\\0041;' from t",
                "-- x;y\n/* outer /* nested; */ still; */ select $$;$$, $fn$ begin; end $fn$",
                "create function f() returns int language plpgsql as $body$ begin return 1; end $body$");
    }

    @Test
    void standardConformingStringsTreatBackslashAsAPlainCharacter() {
        assertThat(texts("select 'a\\'; select 2")).containsExactly("select 'a\\'", "select 2");
    }

    @Test
    void nestedDollarQuotesWithDifferentTags() {
        String sql = "do $outer$ begin execute $inner$ select 1; $inner$; end $outer$; select 2";
        assertThat(texts(sql)).containsExactly("do $outer$ begin execute $inner$ select 1; $inner$; end $outer$", "select 2");
    }

    @Test
    void beginAtomicBodyIsOneStatement() {
        String sql = """
                create function add(a int, b int) returns int language sql
                begin atomic
                  select case when a > 0 then a + b else b end;
                  select 1;
                end;
                select 3;""";
        List<String> statements = texts(sql);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("create function add").endsWith("end");
        assertThat(statements.get(1)).isEqualTo("select 3");
    }

    @Test
    void aLineCommentEndsAtCarriageReturnAsInPostgres() {
        assertThat(texts("select 1 --\r; commit; delete from t")).containsExactly("select 1", "commit", "delete from t");
    }

    @Test
    void onlyPostgresWhitespaceSeparatesTokens() {
        // U+2003 is an identifier character for PostgreSQL, so "\u2003$$" is not the start of a dollar quote
        List<Token> tokens = Lexer.tokenize("select (1)\u2003$$, f(1) as x$$");
        assertThat(tokens).extracting(Token::type).doesNotContain(Token.Type.DOLLAR_STRING);
    }

    @Test
    void withStandardConformingStringsOffABackslashEscapesAQuote() {
        String sql = "select '\\'' ; commit; create table p(x int); select 1 --'\n";
        assertThat(Splitter.split(sql, true)).hasSize(1);
        assertThat(Splitter.split(sql, false)).hasSize(4);
    }

    @Test
    void parenthesesKeepTheirSemicolons() {
        assertThat(texts("select (1;2); select 3")).containsExactly("select (1;2)", "select 3");
    }

    @Test
    void positionsAreLineAndColumnOfTheFirstToken() {
        List<SqlStatement> statements = Splitter.split("select 1;\n\n  select\n 2;");
        assertThat(statements.get(1).line()).isEqualTo(3);
        assertThat(statements.get(1).column()).isEqualTo(3);
        assertThat(statements.get(1).start()).isEqualTo(13);
    }

    @Test
    void commentsAndWhitespaceAloneAreNoStatement() {
        assertThat(Splitter.split("  -- nothing\n /* here */ ;;  ")).isEmpty();
    }

    @Test
    void psqlMetaCommandIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Splitter.split("select 1;\n\\i other.sql\nselect 2;"))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("\\i other.sql").hasMessageContaining("line 2")
                .extracting(e -> ((DrydockException) e).code()).isEqualTo(ErrorCode.SQL_SYNTAX);
    }

    @Test
    void unterminatedStringIsReportedWithItsStartLine() {
        assertThatThrownBy(() -> Splitter.split("select 1;\nselect 'oops;\nselect 2;"))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("Unterminated string literal starting on line 2");
        assertThatThrownBy(() -> Splitter.split("select $x$ never closed"))
                .hasMessageContaining("dollar-quoted string $x$");
        assertThatThrownBy(() -> Splitter.split("/* /* */")).hasMessageContaining("block comment");
    }

    @Test
    void supabaseStatementsKeepLeadingCommentsAndCommentOnlySegments() {
        String sql = "-- header\ncreate table a (id int);\n\n  select 1 ;\n-- trailing note\n";
        assertThat(Splitter.supabaseStatements(sql))
                .containsExactly("-- header\ncreate table a (id int)", "select 1", "-- trailing note");
    }

    @Test
    void tokensCoverTheInputExactly() {
        String sql = "select E'\\n', U&\"d\\0061t\", $1, 1.5e-3, a::int, x->>'k' -- c\n/* d */";
        StringBuilder joined = new StringBuilder();
        Lexer.tokenize(sql).forEach(t -> joined.append(t.text()));
        assertThat(joined.toString()).isEqualTo(sql);
    }

    /** Random statements joined by random separators split back into exactly those statements. */
    @Test
    void randomScriptsSplitBackExactly() {
        String[] fragments = {
                "select 1", "select 'a;b''c'", "select E'x\\';y'", "select \"we;ird\"\"id\" from t",
                "select $$ ; $$", "select $tag$ $$ ; $tag$", "do $a$ begin execute $b$ select ';' $b$; end $a$",
                "select 'ünïcødé; ✓', \"名前;\" from t", "select e'\\\\;'", "insert into t values (1, ';')",
                "create table t (a int check (a > 0))", "select U&'\\0041;'", "select 1 /* in; line */ + 2",
                "select b'0101', x'ff', n'nat;'", "do $d$ begin perform 1; end $d$", "select a->>'k;' from j",
                "select ($1 + 2) * 3", "select 'multi\nline;\nstring'", "comment on table t is 'it''s; fine'"};
        String[] gaps = {" ", "\n", "\n\n  ", " -- note; with semicolon\n", " /* block; */ ", "\t/* a /* b; */ c */\n"};
        Random random = new Random(20261121L);
        for (int run = 0; run < 500; run++) {
            int n = 1 + random.nextInt(6);
            List<String> expected = new ArrayList<>();
            StringBuilder script = new StringBuilder(random.nextBoolean() ? gaps[random.nextInt(gaps.length)] : "");
            for (int i = 0; i < n; i++) {
                String statement = fragments[random.nextInt(fragments.length)];
                expected.add(statement);
                script.append(statement).append(random.nextBoolean() ? gaps[random.nextInt(gaps.length)] : "");
                if (i < n - 1 || random.nextBoolean()) {
                    script.append(';').append(gaps[random.nextInt(gaps.length)]);
                }
            }
            List<SqlStatement> split = Splitter.split(script.toString());
            List<String> cores = split.stream().map(SplitterTest::withoutLeadingComments).toList();
            assertThat(cores).as("script: %s", script).isEqualTo(expected);
            byte[] bytes = script.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (SqlStatement st : split) {
                assertThat(script.substring(st.start(), st.end())).isEqualTo(st.text());
                assertThat(new String(bytes, st.byteStart(), st.byteEnd() - st.byteStart(),
                        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(st.text());
            }
        }
    }

    @Test
    void byteOffsetsCountUtf8() {
        List<SqlStatement> statements = Splitter.split("select 'é✓';\nselect 2");
        assertThat(statements.get(0).byteStart()).isZero();
        assertThat(statements.get(0).byteEnd()).isEqualTo("select 'é✓'".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(statements.get(1).byteStart()).isEqualTo("select 'é✓';\n".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void lenientSplitReportsMetaCommandsAndUnterminatedQuotesAndGoesOn() {
        List<ScriptProblem> problems = new ArrayList<>();
        List<SqlStatement> statements = Splitter.splitLenient("select 1;\n\\set x 1\nselect 2;\nselect 'open;\nselect 3", problems);
        assertThat(problems).extracting(ScriptProblem::line).containsExactly(2, 4);
        assertThat(problems.get(0).message()).contains("\\set x 1");
        assertThat(statements).extracting(SqlStatement::text).startsWith("select 1", "select 2");
    }

    private static String withoutLeadingComments(SqlStatement s) {
        int offset = s.significantTokens().get(0).start() - s.start();
        return s.text().substring(offset);
    }
}

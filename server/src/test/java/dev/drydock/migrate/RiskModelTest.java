package dev.drydock.migrate;

import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.sql.StatementInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented risk formula, case by case (docs/tools/plan_migration.md#risk). */
class RiskModelTest {
    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static StatementInfo one(String sql) {
        return ANALYZER.analyze(sql).statements().get(0);
    }

    /** rows: -1 for "new table", empty for unknown. */
    @ParameterizedTest(name = "{0} on {1} rows: {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "?", value = {
            // lock 10 + work 40 × size; a quarter of the work under a non-blocking lock
            "create index i on t (a)|10000000|exclusive|50|HIGH",
            "create index i on t (a)|500000|exclusive|30|MEDIUM",
            "create index i on t (a)|5000|exclusive|14|LOW",
            "create index i on t (a)|?|exclusive|30|MEDIUM",
            "create index i on t (a)|-1|none|0|LOW",
            "create index concurrently i on t (a)|10000000|none|15|LOW",
            // rewrite 60 + breaking 15
            "alter table t alter column a type bigint|10000000|exclusive|85|CRITICAL",
            "alter table t alter column a type bigint|?|exclusive|55|HIGH",
            // catalog-only under ACCESS EXCLUSIVE
            "alter table t add column a int|10000000|brief|10|LOW",
            "alter table t rename column a to b|100|brief|25|MEDIUM",
            "alter table t enable row level security|100|brief|25|MEDIUM",
            "alter table t alter column a set not null|2000000|exclusive|57|HIGH",
            "alter table t alter column a set not null|20000000|exclusive|65|HIGH",
            // loss
            "drop table t|100|brief|75|CRITICAL",
            "truncate t|100|brief|75|CRITICAL",
            "alter table t drop column a|100|brief|60|HIGH",
            "delete from t|1000000|exclusive|100|CRITICAL",
            "delete from t where id = 1|1000000|none|20|MEDIUM",
            "update t set a = 1|?|exclusive|70|HIGH",
            // unknown statements are never safe
            "frobnicate the table|?|exclusive|60|HIGH",
            "create table t2 (id bigint primary key)|-1|none|0|LOW"})
    void statementScores(String sql, Long rows, String behavior, int score, String level) {
        StatementInfo s = one(sql);
        boolean newTable = rows != null && rows == -1;
        Long size = newTable ? null : rows;
        String actual = RiskModel.lockingBehavior(s, newTable);
        boolean breaking = !BreakingChanges.of(s, newTable).isEmpty();
        assertThat(actual).isEqualTo(behavior);
        int got = RiskModel.score(s, actual, size, newTable, breaking);
        assertThat(got).isEqualTo(score);
        assertThat(RiskModel.level(got)).isEqualTo(level);
    }

    @Test
    void overallRiskIsTheWorstStatementPlusOtherRiskyOnesPlusTheRollback() {
        assertThat(RiskModel.overall(List.of(10, 25, 60), "simple")).isEqualTo(60);
        assertThat(RiskModel.overall(List.of(50, 60, 70), "simple")).isEqualTo(80);
        assertThat(RiskModel.overall(List.of(60, 10), "dangerous")).isEqualTo(70);
        assertThat(RiskModel.overall(List.of(10), "complex")).isEqualTo(15);
        assertThat(RiskModel.overall(List.of(100, 90, 90), "dangerous")).isEqualTo(100);
        assertThat(RiskModel.overall(List.of(), "simple")).isZero();
    }
}

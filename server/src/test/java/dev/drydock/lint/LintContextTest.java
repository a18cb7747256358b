package dev.drydock.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Context the rules must respect beyond the single-rule cases. */
class LintContextTest {

    private static List<String> rules(String sql) {
        return LintCorpus.lint(sql, LintOptions.DEFAULT_PG_VERSION).findings().stream().map(Finding::rule).toList();
    }

    @Test
    void rlsMissingIsAboutApiExposedTablesIncludingPartitionsAndCreateTableAs() {
        assertThat(rules("create table archive.old_orders as select * from public.orders")).doesNotContain("rls-missing");
        assertThat(rules("create table public.report as select 1 as x")).contains("rls-missing");
        assertThat(rules("create temp table scratch as select 1 as x")).doesNotContain("rls-missing");
        assertThat(rules("create table public.events_2026 partition of public.events for values from ('2026-01-01') to ('2027-01-01')"))
                .contains("rls-missing");
    }

    @Test
    void noTransactionFindingForStatementsThatRunInOne() {
        assertThat(rules("checkpoint")).doesNotContain("concurrently-in-transaction");
        assertThat(rules("vacuum public.orders")).contains("concurrently-in-transaction");
        assertThat(rules("-- drydock:no-transaction\nvacuum public.orders")).doesNotContain("concurrently-in-transaction");
    }

    @Test
    void identityOnAnExistingColumnIsNotAnAddedSerialColumn() {
        assertThat(rules("alter table public.orders alter column id add generated always as identity"))
                .doesNotContain("add-serial-column");
        assertThat(rules("alter table public.orders add column n bigserial")).contains("add-serial-column");
    }

    @Test
    void ignoreCommentsNeverLiftABlockedPattern() {
        LintResult r = LintCorpus.lint("-- drydock:ignore drop-table it is fine, trust me\ndrop table public.users", 17);
        assertThat(r.findings()).extracting(Finding::rule).doesNotContain("drop-table");
        assertThat(r.blocked()).extracting(Finding::rule).containsExactly("drop-table");
    }

    @Test
    void findingsInsideRoutineBodiesAreLimitedToWhatMattersWhenCalled() {
        List<String> r = rules("create function private.f() returns trigger language plpgsql set search_path = '' as $$\n"
                + "begin\n  update public.orders set total = 0 where id = new.id;\n  create index on public.orders (total);\n"
                + "  return new;\nend $$");
        assertThat(r).doesNotContain("backfill-with-ddl", "require-concurrent-index");
        assertThat(rules("create function private.g() returns void language sql as $$ delete from public.orders $$"))
                .contains("delete-without-where");
    }
}

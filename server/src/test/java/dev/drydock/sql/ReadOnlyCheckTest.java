package dev.drydock.sql;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReadOnlyCheckTest {

    private static ErrorCode refusal(String sql) {
        DrydockException e = catchThrowableOfType(DrydockException.class,
                () -> ReadOnlyCheck.check(Splitter.split(sql).get(0)));
        assertThat(e).as("expected a refusal of: %s", sql).isNotNull();
        assertThat(e.nextSteps()).isNotEmpty();
        return e.code();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select * from posts where id = 1",
            "SELECT count(*) FROM public.\"Posts\"",
            "with recent as (select * from posts) select * from recent",
            "values (1), (2)",
            "table posts",
            "show search_path",
            "explain select * from posts",
            "explain (analyze, buffers) select * from posts",
            "explain delete from posts",
            "(select 1) union (select 2)",
            "select t.update, t.\"delete\" from t",
            "select 'drop table posts; delete from x' as harmless",
            "select now(), random(), jsonb_build_object('a', 1)"})
    void readingStatementsPass(String sql) {
        ReadOnlyCheck.check(Splitter.split(sql).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET TRANSACTION READ WRITE",
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
            "BEGIN READ WRITE",
            "COMMIT",
            "drop table posts",
            "delete from posts",
            "with d as (delete from posts returning *) select * from d",
            "with u as (update posts set title = 'x' returning *) select 1",
            "with i as (insert into posts default values returning *) select 1",
            "explain analyze delete from posts",
            "explain (analyze) update posts set title = ''",
            "explain (\"analyze\") insert into posts default values",
            "copy posts to program 'curl evil'",
            "lock table posts",
            "do $$ begin delete from posts; end $$",
            "call do_things()",
            "prepare p as delete from posts",
            "execute p",
            "select * into copy_of_posts from posts",
            "select * from posts for update",
            "select * from posts for no key update",
            "select * from posts for share",
            "vacuum posts",
            "listen ch",
            "refresh materialized view mv",
            "create table x (a int)",
            "grant all on posts to anon"})
    void writingOrSessionChangingStatementsAreRefused(String sql) {
        assertThat(refusal(sql)).isEqualTo(ErrorCode.READ_ONLY_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select set_config('default_transaction_read_only', 'off', false)",
            "SELECT pg_terminate_backend(123)",
            "select pg_catalog.pg_read_file('/etc/passwd')",
            "select \"pg_read_file\"('/etc/passwd')",
            "select pg_read_binary_file('x')",
            "select nextval('posts_id_seq')",
            "select setval('s', 1)",
            "select pg_advisory_lock(1)",
            "select pg_try_advisory_xact_lock(1)",
            "select lo_export(1, '/tmp/x')",
            "select lo_import('/etc/passwd')",
            "select * from dblink('host=evil', 'select 1') as t(a int)",
            "select query_to_xml('delete from posts', true, true, '')",
            "select pg_reload_conf()",
            "select pg_ls_dir('.')",
            "select pg_cancel_backend(1)",
            "select pg_notify('c', 'x')",
            "select U&\"\\0070g_read_file\"('x')",
            "select pg_read_file /* sneaky */ ('x')",
            "select * from ts_stat('select to_tsvector(pg_read_file(''/etc/hostname''))')",
            "select ts_rewrite('a'::tsquery, 'select ''a''::tsquery, to_tsquery(''b'')')",
            "select pg_nextoid('pg_class', 'oid', 'pg_class_oid_index')",
            "select gin_clean_pending_list('gi')",
            "select txid_current()",
            "select pg_stat_reset_subscription_stats(null)",
            "select * from pg_logical_slot_get_binary_changes('s', null, null)",
            "select (1)\u2003$$, pg_terminate_backend(1) as x$$"})
    void functionsThatReachOutsideOrChangeStateAreRefused(String sql) {
        assertThat(refusal(sql)).isEqualTo(ErrorCode.FUNCTION_NOT_ALLOWED);
    }

    @Test
    void calledFunctionsAreReportedForTheCatalogCheck() {
        assertThat(ReadOnlyCheck.check(Splitter.split("select my_fn(1), public.other(2), \"Quoted\"(3) from t").get(0)))
                .containsExactly("my_fn", "other", "Quoted");
    }

    @Test
    void keywordsInsideStringsCommentsAndIdentifiersDoNotCount() {
        ReadOnlyCheck.check(Splitter.split("select \"drop\", 'delete' /* update */ from t -- insert").get(0));
    }
}

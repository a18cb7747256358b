package dev.drydock.sql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementAnalyzerTest {
    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static StatementInfo one(String sql) {
        List<StatementInfo> statements = ANALYZER.analyze(sql).statements();
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "create table public.t (id bigint primary key)|create-table|none|public.t",
            "alter table t add column c text|add-column|access-exclusive|public.t",
            "alter table t alter column c set data type bigint|alter-column-type|access-exclusive|public.t",
            "alter table t add constraint fk foreign key (a) references u (id)|add-constraint|share-row-exclusive|public.t",
            "alter table t validate constraint fk|validate-constraint|share-update-exclusive|public.t",
            "alter table t add column a int, drop column b|alter-table|access-exclusive|public.t",
            "create index on t (a)|create-index|share|public.t",
            "create index concurrently i on app.t (a)|create-index|share-update-exclusive|app.i",
            "drop index concurrently i|drop-index|share-update-exclusive|public.i",
            "create trigger tr before insert on t for each row execute function f()|create-trigger|share-row-exclusive|public.t.tr",
            "create policy \"p\" on t for select using (true)|create-policy|access-exclusive|public.t",
            "alter policy p on t using (false)|alter-policy|access-exclusive|public.t",
            "drop table if exists a, b cascade|drop-table|access-exclusive|public.a",
            "truncate table only t restart identity|truncate|access-exclusive|public.t",
            "delete from s.t where id = 1|delete|row-exclusive|s.t",
            "vacuum full t|vacuum-full|access-exclusive|public.t",
            "reindex table concurrently t|reindex|share-update-exclusive|public.t",
            "alter type mood add value 'meh'|add-enum-value|none|public.mood",
            "lock table t in share mode|lock-table|share|public.t",
            "refresh materialized view concurrently mv|refresh-materialized-view|exclusive|public.mv",
            "alter table t detach partition p concurrently|detach-partition|share-update-exclusive|public.t"})
    void kindLockAndMainObject(String sql, String kind, String lock, String object) {
        StatementInfo s = one(sql);
        assertThat(s.kind()).hasToString(kind);
        assertThat(s.lock()).hasToString(lock);
        assertThat(s.target().qualified()).isEqualTo(object);
        assertThat(s.path()).isNotEqualTo(ParsePath.UNKNOWN);
    }

    @Test
    void flagsForTransactionsRewritesAndDestruction() {
        assertThat(one("create index concurrently i on t (a)").transactional()).isFalse();
        assertThat(one("vacuum t").transactional()).isFalse();
        assertThat(one("alter table t add column c uuid default gen_random_uuid()").rewrites()).isTrue();
        assertThat(one("alter table t add column c timestamptz default now()").rewrites()).isFalse();
        assertThat(one("alter table t alter column c set not null").scans()).isTrue();
        assertThat(one("alter table t add constraint c check (a > 0) not valid").scans()).isFalse();
        StatementInfo drop = one("alter table t drop column c");
        assertThat(drop.destructive()).isTrue();
        assertThat(drop.reversible()).isFalse();
        assertThat(one("drop index i").destructive()).isFalse();
        assertThat(one("alter type mood add value 'x'").reversible()).isFalse();
    }

    @Test
    void renamesKeepBothNamesAndTriggersNameTheirFunction() {
        AlterAction constraint = ((Detail.Alter) one("alter table t rename constraint a to b").detail()).actions().get(0);
        assertThat(constraint.name()).isEqualTo("a");
        assertThat(constraint.newName()).isEqualTo("b");
        AlterAction column = ((Detail.Alter) one("alter table t rename column \"A\" to b").detail()).actions().get(0);
        assertThat(column.column()).isEqualTo("A");
        assertThat(column.newName()).isEqualTo("b");
        AlterAction table = ((Detail.Alter) one("alter table t rename to u").detail()).actions().get(0);
        assertThat(table.newName()).isEqualTo("u");
        assertThat(one("create trigger tr before insert on t for each row when (new.a > 0) execute function app.f()")
                .objects()).extracting(ObjectRef::qualified).containsExactly("public.t.tr", "app.f");
    }

    @Test
    void publicationChangesNameTheirTables() {
        StatementInfo add = one("alter publication supabase_realtime add table public.posts, table app.comments (id, body)");
        assertThat(add.objects()).extracting(ObjectRef::qualified).containsExactly("public.posts", "app.comments");
        assertThat(add.detail()).isEqualTo(new Detail.Publication("supabase_realtime", "ADD",
                List.of(new QualifiedName("public", "posts"), new QualifiedName("app", "comments")), true));
        assertThat(one("alter publication p drop table t").detail()).isInstanceOf(Detail.Publication.class);
        assertThat(one("alter publication p add tables in schema s").detail()).isEqualTo(Detail.None.INSTANCE);
        assertThat(one("alter publication p owner to bob").kind()).hasToString("alter-publication");
    }

    @Test
    void quotedAndUnicodeEscapedIdentifiersAreNormalised() {
        assertThat(one("DROP TABLE \"Users\"").target().qualified()).isEqualTo("public.Users");
        assertThat(one("drop table U&\"d\\0061ta\"").target().qualified()).isEqualTo("public.data");
        assertThat(one("DROP /* x */ TABLE -- y\n App.Orders").target().qualified()).isEqualTo("app.orders");
    }

    @Test
    void statementsInsideBodiesAndClausesAreAnalysed() {
        StatementInfo doBlock = one("do $$ begin if true then delete from t; end if; end $$");
        assertThat(doBlock.nested()).extracting(StatementInfo::kind).containsExactly(StatementKind.DELETE);
        StatementInfo fn = one("create function f() returns void language sql as $f$ truncate a; select 1 $f$");
        assertThat(fn.nested()).extracting(StatementInfo::kind).containsExactly(StatementKind.TRUNCATE, StatementKind.SELECT);
        StatementInfo atomic = one("create function g() returns void language sql begin atomic delete from a where true; end");
        assertThat(atomic.nested()).extracting(StatementInfo::kind).containsExactly(StatementKind.DELETE);
        StatementInfo cte = one("with d as (delete from t returning *) select * from d");
        assertThat(cte.kind()).isEqualTo(StatementKind.SELECT);
        assertThat(cte.nested()).extracting(StatementInfo::kind).containsExactly(StatementKind.DELETE);
        assertThat(one("do $$ begin execute 'drop table ' || x; end $$").dynamicSql()).isTrue();
        StatementInfo constant = one("do $$ begin execute 'drop table t'; end $$");
        assertThat(constant.dynamicSql()).isFalse();
        assertThat(constant.nested()).extracting(StatementInfo::kind).containsExactly(StatementKind.DROP_TABLE);
    }

    @Test
    void nestedStatementsKeepTheirLineInTheScript() {
        StatementInfo fn = one("create function f() returns void language plpgsql as $$\nbegin\n  delete from t;\nend $$");
        assertThat(fn.nested().get(0).line()).isEqualTo(3);
    }

    @Test
    void bothReadersAgreeOrTheStatementIsUnknown() {
        assertThat(one("create table t (id int)").path()).isEqualTo(ParsePath.JSQLPARSER);
        // a JSqlParser gap: the token reader recognises it alone
        assertThat(one("alter table t alter column c set data type bigint").path()).isEqualTo(ParsePath.TOKENS);
        StatementInfo unknown = one("frobnicate the widgets");
        assertThat(unknown.kind()).isEqualTo(StatementKind.UNKNOWN);
        assertThat(unknown.path()).isEqualTo(ParsePath.UNKNOWN);
        StatementInfo misread = JSqlParserCheck.decide(TokenReader.read(Splitter.split("drop table t").get(0)), "Delete");
        assertThat(misread.path()).isEqualTo(ParsePath.UNKNOWN);
        assertThat(misread.kind()).as("the token reading is kept, so blocked patterns still apply")
                .isEqualTo(StatementKind.DROP_TABLE);
        assertThat(misread.note()).contains("JSqlParser reads it as Delete");
    }

    @Test
    void directivesAreRead() {
        Analysis a = ANALYZER.analyze("-- drydock:no-transaction\n-- drydock:ignore drop-column because\ncreate index concurrently i on t (a)");
        assertThat(a.noTransaction()).isTrue();
        assertThat(a.ignores()).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("drop-column");
            assertThat(i.reason()).isEqualTo("because");
            assertThat(i.line()).isEqualTo(2);
        });
        assertThat(ANALYZER.analyze("select 1;\n-- drydock:no-transaction\nselect 2").noTransaction()).isFalse();
    }
}

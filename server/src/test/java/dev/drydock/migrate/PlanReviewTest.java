package dev.drydock.migrate;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static dev.drydock.migrate.PlanMigrationTest.list;
import static dev.drydock.migrate.PlanMigrationTest.map;
import static dev.drydock.migrate.PlanMigrationTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** What a reviewer reads besides operations: irreversible steps, ordering, given rollbacks, prerequisites, checks. */
class PlanReviewTest {
    private static final String TODAY = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC));

    @Test
    void irreversibleStatementsGiveTheReasonAndBackupSqlThatReallyKeepsTheData() throws Exception {
        DatabaseUrl db = PlanMigrationTest.notesWithRows();
        TestPostgres.execute(db, "create table public.legacy (id int)", "insert into public.legacy values (1), (2)");
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            var r = plan(tools, Map.of("target", "main", "sql", """
                    alter table public.notes drop column author;
                    alter table public.notes alter column id type integer;
                    drop table public.legacy;
                    """));
            Map<String, Object> rollback = map(r.structured(), "rollbackPlan");
            List<Map<String, Object>> steps = list(rollback, "steps");
            assertThat(steps).extracting("status").containsExactly("irreversible", "inverse", "irreversible");
            assertThat((String) steps.get(0).get("reason")).contains("deletes the column's values")
                    .contains("ADD COLUMN author text");
            assertThat(steps.get(0)).containsEntry("preserveSql",
                    "CREATE TABLE public.backup_notes_author_" + TODAY + " AS SELECT id, author FROM public.notes;");
            assertThat((String) steps.get(1).get("reason")).contains("may lose precision");
            assertThat((String) steps.get(1).get("sql")).isEqualTo(
                    "ALTER TABLE public.notes ALTER COLUMN id TYPE bigint USING id::bigint;");
            assertThat(steps.get(2)).containsEntry("preserveSql",
                    "CREATE TABLE public.backup_legacy_" + TODAY + " AS TABLE public.legacy;");
            assertThat(map(r.structured(), "riskAssessment")).containsEntry("rollbackComplexity", "dangerous")
                    .containsEntry("dataLoss", true).containsEntry("riskLevel", "CRITICAL");
            assertThat(list(r.structured(), "operations")).extracting("reversible").containsExactly(false, true, false);
            assertThat((String) rollback.get("sql")).contains("-- TODO: statement 0 (line 1, drop-column public.notes.author)"
                    + " cannot be undone");
            GeneratedRollbackTest.run(db, (String) rollback.get("backupSql"));
            GeneratedRollbackTest.run(db, "alter table public.notes drop column author;\ndrop table public.legacy;");
            assertThat(count(db, "select count(*) from public.backup_legacy_" + TODAY)).isEqualTo(2);
            assertThat(count(db, "select count(*) from public.backup_notes_author_" + TODAY + " where author = 'a'"))
                    .isEqualTo(50_000);
        }
    }

    @Test
    void objectsUsedBeforeTheyAreCreatedAreNamedWithAnOrderThatRuns() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        String sql = """
                create policy "own rows" on public.posts for select using (true);
                create trigger posts_touch before update on public.posts for each row execute function public.touch();
                create table public.posts (id bigint primary key, org_id bigint references public.orgs (id));
                create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;
                create table public.orgs (id bigint primary key);
                """;
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            Map<String, Object> ordering = map(plan(tools, Map.of("sql", sql, "target", "main")).structured(), "ordering");
            assertThat(ordering).containsEntry("ok", false).containsEntry("correctedOrder", List.of(3, 4, 2, 0, 1));
            assertThat(list(ordering, "issues")).extracting("statement_index", "object", "createdBy").containsExactly(
                    org.assertj.core.groups.Tuple.tuple(0, "public.posts", 2),
                    org.assertj.core.groups.Tuple.tuple(1, "public.posts", 2),
                    org.assertj.core.groups.Tuple.tuple(1, "public.touch", 3),
                    org.assertj.core.groups.Tuple.tuple(2, "public.orgs", 4));
            GeneratedRollbackTest.run(db, (String) ordering.get("correctedSql"));
            assertThat(count(db, "select count(*) from pg_policies where policyname = 'own rows'")).isEqualTo(1);

            Map<String, Object> cycle = map(plan(tools, Map.of("target", "main", "sql", """
                    create table public.a (id int primary key, b_id int references public.b);
                    create table public.b (id int primary key, a_id int references public.a);
                    """)).structured(), "ordering");
            assertThat(cycle).containsEntry("ok", false).containsEntry("correctedOrder", List.of())
                    .containsEntry("cycle", List.of(0, 1));
            assertThat((String) cycle.get("note")).contains("no order works");
        }
    }

    @Test
    void aGivenRollbackIsAnalysedAndCheckedAgainstTheMigration() throws Exception {
        try (ToolHarness tools = ToolHarness.on(PlanMigrationTest.notesWithRows(), null)) {
            var r = plan(tools, Map.of("target", "main", "sql", """
                    alter table public.notes add column org_id bigint;
                    create index notes_org_idx on public.notes (org_id);
                    """, "rollback_sql", "alter table public.notes drop column org_id;"));
            Map<String, Object> rollback = map(r.structured(), "rollbackPlan");
            assertThat(rollback).containsEntry("source", "given").containsEntry("complete", false)
                    .containsEntry("sql", "alter table public.notes drop column org_id;");
            assertThat((List<String>) rollback.get("uncovered")).containsExactly(
                    "public.notes_org_idx (statement 1, line 2, create-index)");
            assertThat(list(rollback, "operations")).singleElement().satisfies(op -> assertThat(op)
                    .containsEntry("type", "drop-column").containsEntry("lockingBehavior", "brief"));
            assertThat((String) rollback.get("generatedSql")).contains("DROP INDEX public.notes_org_idx;");
            assertThat(map(r.structured(), "riskAssessment")).containsEntry("rollbackComplexity", "complex");
        }
    }

    @Test
    void prerequisitesNameMissingExtensionsTablesAndTheNoTransactionDirective() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, "create table public.notes (id bigint primary key, body text)");
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            var r = plan(tools, Map.of("target", "main", "sql", """
                    create index concurrently notes_body_trgm on public.notes using gin (body gin_trgm_ops);
                    alter table public.notes add column org_id bigint references public.orgs (id);
                    create extension if not exists no_such_extension;
                    """));
            assertThat(list(r.structured(), "prerequisites")).extracting("kind", "statement_index").containsExactly(
                    org.assertj.core.groups.Tuple.tuple("no-transaction", 0),
                    org.assertj.core.groups.Tuple.tuple("extension", 2),
                    org.assertj.core.groups.Tuple.tuple("extension", 0),
                    org.assertj.core.groups.Tuple.tuple("missing-object", 1));
            assertThat(list(r.structured(), "prerequisites").get(2).get("message").toString())
                    .contains("pg_trgm", "not installed on target 'main'", "CREATE EXTENSION IF NOT EXISTS pg_trgm");
            assertThat(list(r.structured(), "prerequisites").get(3).get("message").toString()).contains("public.orgs");
            var fine = plan(tools, Map.of("target", "main", "sql", "-- drydock:no-transaction\n"
                    + "create index concurrently notes_body_idx on public.notes (body);"));
            assertThat(list(fine.structured(), "prerequisites")).isEmpty();
            assertThat(list(fine.structured(), "operations").get(0)).containsEntry("lockingBehavior", "none")
                    .containsEntry("transactional", false);
            assertThat((String) map(fine.structured(), "rollbackPlan").get("sql"))
                    .startsWith("-- drydock:no-transaction\n").contains("DROP INDEX CONCURRENTLY public.notes_body_idx;");
        }
    }

    @Test
    void validationStepsRunAfterApplyAndSayWhatToExpect() throws Exception {
        DatabaseUrl db = PlanMigrationTest.notesWithRows();
        String sql = """
                create table public.tags (id bigint primary key, name text not null);
                alter table public.tags enable row level security;
                create policy "tags read" on public.tags for select using (true);
                alter table public.notes add column tag_id bigint;
                alter table public.notes add constraint notes_tag_fk foreign key (tag_id) references public.tags (id) not valid;
                alter table public.notes alter column author set default 'anon';
                create index notes_tag_idx on public.notes (tag_id);
                """;
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            List<Map<String, Object>> steps = list(plan(tools, Map.of("sql", sql, "target", "main")).structured(),
                    "validationSteps");
            GeneratedRollbackTest.run(db, sql);
            assertThat(steps).extracting("statement_index").containsExactly(0, 1, 2, 3, 4, 5, 6);
            assertThat(steps).extracting("expect").containsExactly("true", "true", "one row", "one row", "false",
                    "column_default 'anon'", "true");
            try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement()) {
                for (Map<String, Object> step : steps) {
                    try (ResultSet rs = st.executeQuery((String) step.get("sql"))) {
                        assertThat(rs.next()).as(step.toString()).isTrue();
                        String expect = (String) step.get("expect");
                        if (expect.equals("true") || expect.equals("false")) {
                            assertThat(rs.getString(1)).as(step.toString()).isEqualTo(expect.equals("true") ? "t" : "f");
                        }
                    }
                }
            }
        }
    }

    static long count(DatabaseUrl db, String sql) throws Exception {
        try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

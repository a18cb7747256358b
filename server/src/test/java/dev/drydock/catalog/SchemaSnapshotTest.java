package dev.drydock.catalog;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.migrate.LocalBootstrap;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema snapshot on real databases: {@code catalog/every-kind.sql} builds one object of every kind
 * it covers, in two schemas.
 */
class SchemaSnapshotTest {
    private static final String ROLE = "drydock_snapshot_reader";
    private static final String EVERY_KIND = resource("/catalog/every-kind.sql");

    /** One database with every kind; the change tests run in a transaction they roll back. */
    private static DatabaseUrl fixture;
    private static SchemaSnapshot original;

    @BeforeAll
    static void everyKind() throws SQLException {
        fixture = everyKindDatabase();
        original = snapshot(fixture);
    }

    private static DatabaseUrl everyKindDatabase() {
        TestPostgres.execute(TestPostgres.admin(), "DO $$ BEGIN CREATE ROLE " + ROLE + "; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, EVERY_KIND);
        return db;
    }

    @Test
    void snapshotHoldsEveryObjectKindWithItsDefinition() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("schema app", List.of("SCHEMA COMMENT 'application schema'")),
                Map.entry("schema public", List.of("COMMENT 'standard public schema'")),
                Map.entry("extension citext", List.of("VERSION '", "SCHEMA public")),
                Map.entry("table app.authors", List.of("TABLE; REPLICA IDENTITY DEFAULT; COMMENT 'who writes'")),
                Map.entry("table app.events", List.of("PARTITIONED TABLE; PARTITION BY RANGE (at)")),
                Map.entry("table app.events_2024",
                        List.of("PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")),
                Map.entry("table app.scratch", List.of("TABLE; UNLOGGED")),
                Map.entry("table public.posts",
                        List.of("TABLE; ROW LEVEL SECURITY; FORCE ROW LEVEL SECURITY; REPLICA IDENTITY FULL")),
                Map.entry("column app.authors.id", List.of("bigint NOT NULL GENERATED ALWAYS AS IDENTITY POSITION 1")),
                Map.entry("column app.authors.name",
                        List.of("text COLLATE \"C\" NOT NULL POSITION 2 COMMENT 'display name'")),
                Map.entry("column app.authors.email", List.of("app.email NULL POSITION 3")),
                Map.entry("column app.authors.mood", List.of("app.mood NULL DEFAULT 'ok'::app.mood POSITION 4")),
                Map.entry("column app.authors.name_upper",
                        List.of("text NULL GENERATED ALWAYS AS (upper(name)) STORED POSITION 5")),
                Map.entry("column public.posts.ticket",
                        List.of("integer NULL DEFAULT nextval('public.ticket_seq'::regclass) POSITION 5")),
                Map.entry("column public.post_titles.title", List.of("text NULL POSITION 2")),
                Map.entry("constraint app.authors.authors_name_len",
                        List.of("CHECK ((char_length(name) < 200)); COMMENT 'keep it short'")),
                Map.entry("constraint app.authors.authors_pkey", List.of("PRIMARY KEY (id)")),
                Map.entry("constraint app.authors.authors_email_key", List.of("UNIQUE (email)")),
                Map.entry("constraint public.posts.posts_author_id_fkey",
                        List.of("FOREIGN KEY (author_id) REFERENCES app.authors(id) ON DELETE CASCADE")),
                Map.entry("constraint public.posts.posts_slug_key", List.of("UNIQUE (slug) DEFERRABLE INITIALLY DEFERRED")),
                Map.entry("constraint public.posts.posts_no_overlap", List.of("EXCLUDE USING gist (during WITH &&)")),
                Map.entry("constraint public.posts.posts_title_check", List.of("CHECK ((title <> ''::text)) NOT VALID")),
                Map.entry("index public.posts_recent_idx", List.of(
                        "CREATE INDEX posts_recent_idx ON public.posts USING btree (id) WHERE (body IS NOT NULL)",
                        "COMMENT 'posts with a body'")),
                Map.entry("index public.posts_title_lower_idx", List.of("USING btree (lower(title))")),
                Map.entry("index public.posts_pkey", List.of("CREATE UNIQUE INDEX posts_pkey ON public.posts")),
                Map.entry("index app.author_counts_author_idx", List.of("ON app.author_counts USING btree (author_id)")),
                Map.entry("sequence public.ticket_seq", List.of("AS integer START 100 INCREMENT 5 MINVALUE 1",
                        "CACHE 10 NO CYCLE OWNED BY public.posts.ticket")),
                Map.entry("sequence public.posts_id_seq", List.of("AS bigint", "OWNED BY public.posts.id")),
                Map.entry("sequence app.authors_id_seq", List.of("IDENTITY OF app.authors.id")),
                Map.entry("view public.post_titles", List.of("VIEW; WITH (check_option=cascaded, security_barrier=true)",
                        "FROM public.posts", "WHERE (id > 0); COMMENT 'titles'")),
                Map.entry("matview app.author_counts", List.of("MATERIALIZED VIEW; AS SELECT author_id", "count(*) AS n")),
                Map.entry("function app.add(integer, integer)", List.of("(a integer, b integer DEFAULT 1) RETURNS integer",
                        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE", "AS 'select a + b' COMMENT 'adds'")),
                Map.entry("function app.touch()", List.of("RETURNS trigger LANGUAGE plpgsql VOLATILE",
                        "new.created_at := now();")),
                Map.entry("procedure app.archive(integer)", List.of("(IN days integer) LANGUAGE plpgsql",
                        "SECURITY DEFINER", "SET search_path=app, pg_temp", "delete from app.scratch")),
                Map.entry("trigger app.authors.authors_touch", List.of(
                        "CREATE TRIGGER authors_touch BEFORE UPDATE ON app.authors FOR EACH ROW EXECUTE FUNCTION app.touch()",
                        "DISABLED; COMMENT 'keeps created_at'")),
                Map.entry("type app.mood", List.of("AS ENUM ('sad', 'ok', 'happy') COMMENT 'how it feels'")),
                Map.entry("type app.point2", List.of("AS (x integer, y double precision) COMMENT 'a pair'")),
                Map.entry("domain app.email", List.of("AS public.citext NOT NULL", "CONSTRAINT email_check CHECK",
                        "COMMENT 'an address'")),
                Map.entry("policy public.posts.\"owners read\"", List.of(
                        "PERMISSIVE FOR SELECT TO drydock_snapshot_reader USING ((author_id > 0)) COMMENT 'reader policy'")),
                Map.entry("policy public.posts.posts_insert",
                        List.of("RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK ((slug <> ''::text))")),
                Map.entry("grant table public.posts to drydock_snapshot_reader", List.of("INSERT, SELECT GRANTED BY postgres")),
                Map.entry("grant view public.post_titles to drydock_snapshot_reader",
                        List.of("SELECT WITH GRANT OPTION GRANTED BY postgres")),
                Map.entry("grant column public.posts.title to drydock_snapshot_reader", List.of("UPDATE GRANTED BY postgres")),
                Map.entry("grant schema app to drydock_snapshot_reader", List.of("USAGE GRANTED BY postgres")),
                Map.entry("grant function app.add(integer, integer) to drydock_snapshot_reader",
                        List.of("EXECUTE GRANTED BY postgres")),
                Map.entry("grant function app.touch() to PUBLIC", List.of("EXECUTE GRANTED BY postgres")),
                Map.entry("default_grant postgres in app on tables to drydock_snapshot_reader", List.of("SELECT")),
                Map.entry("collation app.nocase", List.of("\"colllocale\": \"und-u-ks-level2\"", "\"collprovider\": \"i\"")),
                Map.entry("statistics app.authors_stats", List.of("(dependencies) ON name, mood FROM app.authors")),
                Map.entry("rule app.scratch.scratch_keep", List.of("ON DELETE TO app.scratch DO INSTEAD NOTHING")),
                Map.entry("publication drydock_snapshot_pub",
                        List.of("TABLE public.posts (id, slug) WHERE ((id > 0)); PUBLISH insert, update, delete, truncate")));
        expected.forEach((key, fragments) -> assertThat(original.get(key)).as(key).hasValueSatisfying(
                definition -> assertThat(definition).contains(fragments)));
    }

    @Test
    void snapshotLeavesOutExtensionMembersDrydockHistoryAndOwnerPrivileges() {
        assertThat(original.objects().keySet())
                .noneMatch(key -> key.contains("citext") && !key.equals("extension citext"))
                .noneMatch(key -> key.contains("supabase_migrations") || key.contains("drydock."))
                .noneMatch(key -> key.endsWith(" to postgres"))
                .doesNotContain("grant function app.add(integer, integer) to PUBLIC");
        assertThat(original.tables()).containsExactly("app.authors", "app.events", "app.events_2024", "app.scratch",
                "public.posts");
    }

    @Test
    void sameSchemaInTwoDatabasesGivesTheSameFingerprint() throws SQLException {
        DatabaseUrl other = TestPostgres.emptyDatabase();
        // different OIDs, relfilenodes and dropped-object leftovers than the fixture
        TestPostgres.execute(other, "create table public.shift (a int)", "drop table public.shift");
        TestPostgres.execute(other, EVERY_KIND);
        SchemaSnapshot second = snapshot(other);
        assertThat(SnapshotDiff.between(original, second)).isEmpty();
        assertThat(second.fingerprint()).isEqualTo(original.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void theExampleProjectBuiltTwiceGivesTheSameFingerprint() throws Exception {
        SchemaSnapshot first = snapshot(exampleProjectBuiltFromScratch());
        SchemaSnapshot second = snapshot(exampleProjectBuiltFromScratch());
        assertThat(first.tables()).contains("public.posts", "public.profiles", "auth.users");
        assertThat(first.objects().keySet()).noneMatch(key -> key.contains("supabase_migrations"));
        assertThat(SnapshotDiff.between(first, second)).isEmpty();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    private static DatabaseUrl exampleProjectBuiltFromScratch() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        try (Connection c = TestPostgres.connect(db)) {
            Path marker = Files.createTempDirectory("drydock-snapshot").resolve("done");
            ProjectLayout layout = ProjectLayout.detect(TestPostgres.examplesDir().resolve("supabase-starter"));
            LocalBootstrap.Outcome outcome = LocalBootstrap.run(c, layout, marker,
                    dev.drydock.branch.SupabaseCompat.preamble(layout), Redactor.none());
            assertThat(outcome.failure()).isNull();
        }
        return db;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("comment on schema app is 'renamed'", "schema app", "COMMENT 'renamed'"),
                change("create schema extra", "schema extra", "SCHEMA"),
                change("create extension pgcrypto", "extension pgcrypto", "SCHEMA public"),
                change("alter table app.scratch set logged", "table app.scratch", "TABLE; REPLICA IDENTITY DEFAULT"),
                change("alter table app.authors enable row level security", "table app.authors", "ROW LEVEL SECURITY"),
                change("alter table app.authors replica identity using index authors_pkey", "table app.authors",
                        "REPLICA IDENTITY USING INDEX authors_pkey"),
                change("alter table app.events detach partition app.events_2024", "table app.events_2024",
                        "TABLE; REPLICA IDENTITY DEFAULT"),
                change("alter table public.posts add column summary text", "column public.posts.summary",
                        "text NULL POSITION 8"),
                change("alter table app.authors alter column mood set default 'happy'", "column app.authors.mood",
                        "DEFAULT 'happy'::app.mood"),
                change("alter table public.posts alter column body set not null", "column public.posts.body",
                        "text NOT NULL"),
                change("alter table app.authors alter column id set generated by default", "column app.authors.id",
                        "GENERATED BY DEFAULT AS IDENTITY"),
                change("comment on column app.authors.name is 'full name'", "column app.authors.name",
                        "COMMENT 'full name'"),
                change("alter table public.posts validate constraint posts_title_check",
                        "constraint public.posts.posts_title_check", "CHECK ((title <> ''::text))"),
                change("comment on constraint authors_name_len on app.authors is null",
                        "constraint app.authors.authors_name_len", "CHECK ((char_length(name) < 200))"),
                change("drop index public.posts_title_lower_idx", "index public.posts_title_lower_idx", null),
                change("comment on index public.posts_recent_idx is 'recent'", "index public.posts_recent_idx",
                        "COMMENT 'recent'"),
                change("alter sequence public.ticket_seq increment by 10", "sequence public.ticket_seq", "INCREMENT 10"),
                change("alter sequence public.ticket_seq owned by none", "sequence public.ticket_seq", "NO CYCLE"),
                change("create or replace view public.post_titles with (security_barrier = true) as select id, title "
                        + "from public.posts where id > 1 with cascaded check option", "view public.post_titles",
                        "WHERE (id > 1)"),
                change("alter view public.post_titles set (security_invoker = true)", "view public.post_titles",
                        "security_barrier=true, security_invoker=true"),
                change("comment on materialized view app.author_counts is 'counts'", "matview app.author_counts",
                        "COMMENT 'counts'"),
                change("create or replace function app.add(a integer, b integer default 1) returns integer language sql "
                        + "immutable strict parallel safe as 'select b + a'", "function app.add(integer, integer)",
                        "AS 'select b + a'"),
                change("alter function app.touch() security definer", "function app.touch()", "SECURITY DEFINER"),
                change("alter procedure app.archive(integer) reset search_path", "procedure app.archive(integer)",
                        "SECURITY DEFINER PARALLEL UNSAFE COST 100 AS"),
                change("alter table app.authors enable trigger authors_touch", "trigger app.authors.authors_touch",
                        "; ENABLED; COMMENT"),
                change("alter type app.mood add value 'ecstatic'", "type app.mood", "'happy', 'ecstatic'"),
                change("alter type app.point2 add attribute z integer", "type app.point2", "y double precision, z integer"),
                change("alter domain app.email add constraint email_short check (length(value) < 300)", "domain app.email",
                        "CONSTRAINT email_short CHECK"),
                change("alter policy \"owners read\" on public.posts using (author_id > 1)",
                        "policy public.posts.\"owners read\"", "USING ((author_id > 1))"),
                change("alter policy posts_insert on public.posts to " + ROLE, "policy public.posts.posts_insert",
                        "TO drydock_snapshot_reader"),
                change("revoke insert on public.posts from " + ROLE, "grant table public.posts to " + ROLE,
                        "SELECT GRANTED BY postgres"),
                change("revoke update (title) on public.posts from " + ROLE, "grant column public.posts.title to " + ROLE,
                        null),
                change("grant execute on function app.add(integer, integer) to public",
                        "grant function app.add(integer, integer) to PUBLIC", "EXECUTE GRANTED BY postgres"),
                change("alter default privileges in schema app revoke select on tables from " + ROLE,
                        "default_grant postgres in app on tables to " + ROLE, null),
                change("drop rule scratch_keep on app.scratch", "rule app.scratch.scratch_keep", null),
                change("alter statistics app.authors_stats set statistics 500", "statistics app.authors_stats",
                        "STATISTICS 500"),
                change("alter publication drydock_snapshot_pub set (publish = 'insert')", "publication drydock_snapshot_pub",
                        "PUBLISH insert"));
    }

    private static Arguments change(String sql, String key, String after) {
        return Arguments.of(sql, key, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachChangeShowsAsExactlyThatObject(String sql, String key, String after) throws SQLException {
        List<SchemaDifference> diff;
        try (Connection c = TestPostgres.connect(fixture); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(sql);
            SchemaSnapshot changed = SnapshotReader.read(c);
            diff = SnapshotDiff.between(original, changed);
            assertThat(changed.fingerprint()).isNotEqualTo(original.fingerprint());
            c.rollback();
            assertThat(SnapshotReader.read(c).fingerprint()).as("rolled back").isEqualTo(original.fingerprint());
        }
        assertThat(diff).extracting(d -> d.kind() + " " + d.object()).containsExactly(key);
        SchemaDifference only = diff.get(0);
        assertThat(only.before()).isEqualTo(original.get(key).orElse(null));
        if (after == null) {
            assertThat(only.after()).isNull();
        } else {
            assertThat(only.after()).contains(after);
        }
    }

    @Test
    void dataStatisticsAndSequenceValuesDoNotChangeTheFingerprint() throws SQLException {
        DatabaseUrl db = everyKindDatabase();
        SchemaSnapshot before = snapshot(db);
        TestPostgres.execute(db,
                "insert into app.authors (name, email) values ('Ada', 'ada@example.org')",
                "insert into public.posts (author_id, slug, title, body) select id, 's', 't', 'b' from app.authors",
                "insert into app.events values (1, '2024-06-01', '{}')",
                "select nextval('public.ticket_seq'), setval('public.posts_id_seq', 500)",
                "refresh materialized view app.author_counts",
                "analyze", "vacuum", "vacuum full app.authors", "reindex table public.posts",
                "delete from app.scratch");
        assertThat(SnapshotDiff.between(before, snapshot(db))).isEmpty();
    }

    @Test
    void droppingAndRecreatingAnIdenticalObjectReadsTheSame() throws SQLException {
        DatabaseUrl db = everyKindDatabase();
        SchemaSnapshot before = snapshot(db);
        TestPostgres.execute(db,
                "drop index public.posts_recent_idx",
                "create index posts_recent_idx on public.posts (id) where body is not null",
                "comment on index public.posts_recent_idx is 'posts with a body'",
                "drop policy \"owners read\" on public.posts",
                "create policy \"owners read\" on public.posts for select to " + ROLE + " using (author_id > 0)",
                "comment on policy \"owners read\" on public.posts is 'reader policy'",
                "alter table app.authors drop constraint authors_name_len",
                "alter table app.authors add constraint authors_name_len check (char_length(name) < 200)",
                "comment on constraint authors_name_len on app.authors is 'keep it short'",
                "drop trigger authors_touch on app.authors",
                "create trigger authors_touch before update on app.authors for each row execute function app.touch()",
                "comment on trigger authors_touch on app.authors is 'keeps created_at'",
                "alter table app.authors disable trigger authors_touch",
                "drop view public.post_titles",
                "create view public.post_titles with (security_barrier = true) as "
                        + "select id, title from public.posts where id > 0 with cascaded check option",
                "comment on view public.post_titles is 'titles'",
                "grant select on public.post_titles to " + ROLE + " with grant option",
                // the last column, dropped and added back as it was
                "alter table app.scratch drop column k",
                "alter table app.scratch add column k text");
        assertThat(SnapshotDiff.between(before, snapshot(db))).isEmpty();
    }

    @Test
    void aColumnAddedBackElsewhereInTheOrderShowsAsMoved() throws SQLException {
        DatabaseUrl db = everyKindDatabase();
        SchemaSnapshot before = snapshot(db);
        TestPostgres.execute(db, "alter table app.authors drop column name_upper",
                "alter table app.authors add column name_upper text generated always as (upper(name)) stored");
        assertThat(SnapshotDiff.between(before, snapshot(db))).extracting(SchemaDifference::describe).containsExactly(
                "column app.authors.created_at: -> before: timestamp with time zone NOT NULL DEFAULT now() POSITION 6 "
                        + "/ -> after: timestamp with time zone NOT NULL DEFAULT now() POSITION 5",
                "column app.authors.name_upper: -> before: text NULL GENERATED ALWAYS AS (upper(name)) STORED POSITION 5 "
                        + "/ -> after: text NULL GENERATED ALWAYS AS (upper(name)) STORED POSITION 6");
    }

    @Test
    void readingRestoresTheSearchPathAndKeepsTheTransactionOpen() throws SQLException {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(db, "create schema app", "create table app.authors (id int)");
        try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement()) {
            st.execute("set search_path = app, public");
            assertThat(SnapshotReader.read(c).get("table app.authors")).isPresent();
            assertThat(searchPath(st)).isEqualTo("app, public");
            c.setAutoCommit(false);
            st.execute("create table app.pending (id int)");
            st.execute("set local search_path = app");
            assertThat(SnapshotReader.read(c).get("table app.pending")).isPresent();
            assertThat(searchPath(st)).isEqualTo("app");
            c.commit();
            assertThat(searchPath(st)).isEqualTo("app, public");
        }
    }

    @Test
    void describeShowsBothSidesOnOneLine() {
        assertThat(new SchemaDifference("column", "public.posts.slug", null, "text NULL DEFAULT ''::text POSITION 3")
                .describe()).isEqualTo("column public.posts.slug: -> before: (absent) / -> after: text NULL DEFAULT "
                + "''::text POSITION 3");
        assertThat(new SchemaDifference("index", "public.posts_slug_idx", "CREATE INDEX …", null).describe())
                .isEqualTo("index public.posts_slug_idx: -> before: CREATE INDEX … / -> after: (absent)");
        assertThat(new SchemaDifference("function", "app.f()", "AS 'begin\n\treturn 1;\nend'", "AS 'a\\b'").describe())
                .isEqualTo("function app.f(): -> before: AS 'begin\\n\\treturn 1;\\nend' / -> after: AS 'a\\\\b'");
    }

    @Test
    void diffListsAddedRemovedAndChangedObjectsInKeyOrder() {
        SchemaSnapshot before = new SchemaSnapshot(new TreeMap<>(Map.of("table public.a", "TABLE",
                "index public.b", "CREATE INDEX b", "column public.a.x", "integer NULL POSITION 1")));
        SchemaSnapshot after = new SchemaSnapshot(new TreeMap<>(Map.of("table public.a", "TABLE",
                "column public.a.x", "bigint NULL POSITION 1", "column public.a.y", "text NULL POSITION 2")));
        assertThat(SnapshotDiff.between(before, after)).containsExactly(
                new SchemaDifference("column", "public.a.x", "integer NULL POSITION 1", "bigint NULL POSITION 1"),
                new SchemaDifference("column", "public.a.y", null, "text NULL POSITION 2"),
                new SchemaDifference("index", "public.b", "CREATE INDEX b", null));
        assertThat(before.fingerprint()).isNotEqualTo(after.fingerprint());
    }

    /** Not a timing assertion: prints the warm read time of a 100-table schema to the test output. */
    @Test
    void snapshotOfAHundredTablesIsMeasured() throws SQLException {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        TestPostgres.execute(TestPostgres.admin(), "DO $$ BEGIN CREATE ROLE " + ROLE + "; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        TestPostgres.execute(db, hundredTables());
        try (Connection c = TestPostgres.connect(db)) {
            long start = System.nanoTime();
            SchemaSnapshot first = SnapshotReader.read(c);
            double firstMs = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < 10; i++) {
                SnapshotReader.read(c);
            }
            double[] ms = new double[30];
            for (int i = 0; i < ms.length; i++) {
                start = System.nanoTime();
                assertThat(SnapshotReader.read(c).fingerprint()).isEqualTo(first.fingerprint());
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            assertThat(first.tables()).hasSize(100);
            System.out.println(String.format(Locale.ROOT,
                    "SchemaSnapshot, 100 tables (%d objects): first read on the connection %.1f ms; warm reads (30): "
                            + "min %.1f ms, median %.1f ms, max %.1f ms", first.objects().size(), firstMs, ms[0],
                    ms[ms.length / 2], ms[ms.length - 1]));
        }
    }

    /** Supabase-style: identity key, a foreign key to the previous table, an index, RLS, two policies, grants. */
    private static String hundredTables() {
        List<String> sql = new ArrayList<>(List.of(
                "create type public.status as enum ('draft', 'live', 'gone')",
                "create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$"));
        for (int i = 0; i < 100; i++) {
            String t = "public.t" + i;
            sql.add("create table " + t + " (id bigint generated always as identity primary key, name text not null, "
                    + "slug text unique, status public.status default 'draft', amount numeric(12,2) check (amount >= 0), "
                    + "created_at timestamptz not null default now(), data jsonb"
                    + (i > 0 ? ", parent_id bigint references public.t" + (i - 1) + " (id)" : "") + ")");
            sql.add("create index t" + i + "_name_idx on " + t + " (lower(name)) where slug is not null");
            sql.add("alter table " + t + " enable row level security");
            sql.add("create policy t" + i + "_read on " + t + " for select to " + ROLE + " using (status <> 'gone')");
            sql.add("create policy t" + i + "_write on " + t + " for insert with check (amount > 0)");
            sql.add("grant select, insert on " + t + " to " + ROLE);
            sql.add("comment on table " + t + " is 'table " + i + "'");
            sql.add("create trigger t" + i + "_touch before update on " + t + " for each row execute function public.touch()");
            if (i % 5 == 0) {
                sql.add("create view public.v" + i + " as select id, name from " + t + " where amount > 1");
                sql.add("create function public.f" + i + "(x integer) returns integer language sql stable as 'select x + "
                        + i + "'");
            }
        }
        return String.join(";\n", sql);
    }

    private static SchemaSnapshot snapshot(DatabaseUrl db) throws SQLException {
        try (Connection c = TestPostgres.connect(db)) {
            return SnapshotReader.read(c);
        }
    }

    private static String searchPath(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("show search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SchemaSnapshotTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

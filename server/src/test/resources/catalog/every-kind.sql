-- One of every object kind SchemaSnapshot covers, in two schemas.
-- Expects the role drydock_snapshot_reader to exist (it is cluster-wide).
create extension citext;
create schema app;
comment on schema app is 'application schema';
comment on schema public is 'standard public schema';

create type app.mood as enum ('sad', 'ok', 'happy');
comment on type app.mood is 'how it feels';
create domain app.email as citext not null check (value ~ '@');
comment on domain app.email is 'an address';
create type app.point2 as (x integer, y double precision);
comment on type app.point2 is 'a pair';

create table app.authors (
    id bigint generated always as identity primary key,
    name text not null collate "C",
    email app.email unique,
    mood app.mood default 'ok',
    name_upper text generated always as (upper(name)) stored,
    created_at timestamptz not null default now(),
    constraint authors_name_len check (char_length(name) < 200)
);
comment on table app.authors is 'who writes';
comment on column app.authors.name is 'display name';
comment on constraint authors_name_len on app.authors is 'keep it short';

create sequence public.ticket_seq as integer increment by 5 start with 100 cache 10;
create table public.posts (
    id bigserial primary key,
    author_id bigint not null references app.authors (id) on delete cascade,
    slug text not null,
    title text not null,
    ticket integer default nextval('public.ticket_seq'),
    during tstzrange,
    body text,
    constraint posts_slug_key unique (slug) deferrable initially deferred
);
alter table public.posts add constraint posts_title_check check (title <> '') not valid;
alter sequence public.ticket_seq owned by public.posts.ticket;
alter table public.posts add constraint posts_no_overlap exclude using gist (during with &&);
create index posts_title_lower_idx on public.posts (lower(title));
create index posts_recent_idx on public.posts (id) where body is not null;
comment on index public.posts_recent_idx is 'posts with a body';
alter table public.posts enable row level security;
alter table public.posts force row level security;
alter table public.posts replica identity full;
create policy "owners read" on public.posts for select to drydock_snapshot_reader using (author_id > 0);
create policy posts_insert on public.posts as restrictive for insert with check (slug <> '');
comment on policy "owners read" on public.posts is 'reader policy';

create table app.events (id bigint not null, at date not null, payload jsonb) partition by range (at);
create table app.events_2024 partition of app.events for values from ('2024-01-01') to ('2025-01-01');
create unlogged table app.scratch (k text);

create view public.post_titles with (security_barrier = true) as
    select id, title from public.posts where id > 0 with cascaded check option;
comment on view public.post_titles is 'titles';
create materialized view app.author_counts as select author_id, count(*) as n from public.posts group by author_id;
create unique index author_counts_author_idx on app.author_counts (author_id);

create function app.add(a integer, b integer default 1) returns integer language sql immutable strict parallel safe
    as 'select a + b';
comment on function app.add(integer, integer) is 'adds';
create function app.touch() returns trigger language plpgsql as $$
begin
    new.created_at := now();
    return new;
end $$;
create procedure app.archive(days integer) language plpgsql security definer set search_path = app, pg_temp
    as $$ begin delete from app.scratch where k is null; end $$;
create trigger authors_touch before update on app.authors for each row execute function app.touch();
comment on trigger authors_touch on app.authors is 'keeps created_at';
alter table app.authors disable trigger authors_touch;

grant usage on schema app to drydock_snapshot_reader;
grant select, insert on public.posts to drydock_snapshot_reader;
grant select on public.post_titles to drydock_snapshot_reader with grant option;
grant update (title) on public.posts to drydock_snapshot_reader;
grant execute on function app.add(integer, integer) to drydock_snapshot_reader;
revoke execute on function app.add(integer, integer) from public;

create collation app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
create statistics app.authors_stats (dependencies) on name, mood from app.authors;
create rule scratch_keep as on delete to app.scratch do instead nothing;
create publication drydock_snapshot_pub for table public.posts (id, slug) where (id > 0);
alter default privileges in schema app grant select on tables to drydock_snapshot_reader;

-- Drydock's own history and metadata: never part of a snapshot.
create schema supabase_migrations;
create table supabase_migrations.schema_migrations (version text primary key, name text, statements text[]);
create schema drydock;
create table drydock.migration_log (id bigint primary key, checksum text);

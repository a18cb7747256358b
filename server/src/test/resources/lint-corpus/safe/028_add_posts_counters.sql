-- Denormalised counters on posts. Constant defaults are stored in the catalog on
-- PostgreSQL 11+, so adding them does not rewrite the table.

set local lock_timeout = '3s';

alter table public.posts add column view_count bigint not null default 0;
alter table public.posts add column comment_count integer not null default 0;
alter table public.posts add column pinned boolean not null default false;
alter table public.posts add column last_activity_at timestamptz default now();

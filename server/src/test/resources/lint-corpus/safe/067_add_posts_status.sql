-- Editorial workflow status for posts. A new enum type plus a column with a constant
-- default: catalog-only on PostgreSQL 11+.

set local lock_timeout = '3s';

create type public.post_status as enum ('draft', 'in_review', 'published', 'archived');

alter table public.posts
  add column status public.post_status not null default 'draft';

comment on column public.posts.status is 'Editorial status; "published" mirrors the published flag.';

/*
 * Private bookmarks: a user saves posts to read later.
 * Nobody else can see another user's bookmarks.
 */

create table if not exists public.bookmarks (
  user_id  uuid        not null references auth.users (id) on delete cascade,
  post_id  bigint      not null references public.posts (id) on delete cascade,
  note     text,
  saved_at timestamptz not null default now(),
  primary key (user_id, post_id)
);

create index if not exists bookmarks_post_id_idx on public.bookmarks (post_id);

alter table public.bookmarks enable row level security;

create policy "bookmarks_owner_all"
  on public.bookmarks
  as permissive
  for all
  to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

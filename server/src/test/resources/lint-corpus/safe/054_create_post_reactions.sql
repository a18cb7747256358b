-- Emoji reactions on posts: one row per (post, user, emoji).

set local lock_timeout = '5s';

create table public.post_reactions (
  post_id bigint not null references public.posts (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  emoji text not null check (char_length(emoji) between 1 and 16),
  created_at timestamptz not null default now(),
  constraint post_reactions_pkey primary key (post_id, user_id, emoji)
);

create index post_reactions_user_id_idx on public.post_reactions (user_id);

alter table public.post_reactions enable row level security;

create policy "Readers of a post can see its reactions"
  on public.post_reactions for select
  to authenticated
  using (exists (select 1 from public.posts p where p.id = post_reactions.post_id));

create policy "Users can react as themselves"
  on public.post_reactions for insert
  to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.posts p where p.id = post_reactions.post_id)
  );

create policy "Users can remove their reactions"
  on public.post_reactions for delete
  to authenticated
  using (user_id = (select auth.uid()));

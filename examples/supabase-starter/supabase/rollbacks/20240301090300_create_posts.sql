-- Undoes 20240301090300_create_posts.sql.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

alter publication supabase_realtime drop table public.posts;

drop trigger posts_set_updated_at on public.posts;

drop policy "Authors, owners and admins can delete posts" on public.posts;
drop policy "Authors can edit their posts" on public.posts;
drop policy "Members can write posts as themselves" on public.posts;
drop policy "Members can read published posts and their own drafts" on public.posts;

drop table public.posts;

-- tests: drop policy is not a blocked pattern
drop policy if exists "Authors can edit their posts" on public.posts;

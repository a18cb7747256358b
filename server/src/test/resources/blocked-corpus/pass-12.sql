-- tests: drop trigger is not a blocked pattern
drop trigger if exists posts_set_updated_at on public.posts;

-- tests: SQL-language function with a parameterised delete
create function public.remove_bookmark(p_post bigint) returns void
language sql
as $$ delete from bookmarks where post_id = p_post and user_id = auth.uid() $$;

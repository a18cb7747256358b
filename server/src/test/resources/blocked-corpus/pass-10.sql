-- tests: drop function is not a blocked pattern
drop function if exists public.search_posts(text, integer);

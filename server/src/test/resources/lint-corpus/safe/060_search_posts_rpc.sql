-- public.search_posts(query): fuzzy title search for the search box.
-- SECURITY INVOKER (the default), so the caller's RLS on posts applies.

create or replace function public.search_posts(query text, max_results integer default 20)
returns setof public.posts
language sql
stable
set search_path = ''
as $$
  select p.*
  from public.posts p
  where p.title ilike '%' || query || '%'
     or extensions.similarity(p.title, query) > 0.3
  order by extensions.similarity(p.title, query) desc, p.created_at desc
  limit least(greatest(max_results, 1), 100);
$$;

comment on function public.search_posts(text, integer) is 'Fuzzy search over post titles visible to the caller.';

revoke execute on function public.search_posts(text, integer) from public, anon;
grant execute on function public.search_posts(text, integer) to authenticated;

-- Per-organization post statistics for the dashboard, precomputed in a materialized view.
-- It lives in the private schema (materialized views have no RLS) and is read through
-- public.org_post_stats(), which checks membership.

create materialized view if not exists private.org_post_stats as
select
  p.organization_id,
  count(*) as total_posts,
  count(*) filter (where p.published) as published_posts,
  count(distinct p.author_id) as authors,
  max(p.created_at) as last_post_at
from public.posts p
group by p.organization_id
with data;

revoke all on private.org_post_stats from public, anon, authenticated;

create or replace function public.org_post_stats(org uuid)
returns table (total_posts bigint, published_posts bigint, authors bigint, last_post_at timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select s.total_posts, s.published_posts, s.authors, s.last_post_at
  from private.org_post_stats s
  where s.organization_id = org
    and private.is_org_member(org);
$$;

revoke execute on function public.org_post_stats(uuid) from public, anon;
grant execute on function public.org_post_stats(uuid) to authenticated;

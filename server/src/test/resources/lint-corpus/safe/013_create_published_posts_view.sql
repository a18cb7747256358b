-- Published posts with their author's username.
-- security_invoker = true: the caller's RLS applies, not the view owner's.

create or replace view public.published_posts
with (security_invoker = true)
as
select
  p.id,
  p.organization_id,
  p.project_id,
  p.author_id,
  pr.username as author_username,
  p.title,
  p.body,
  p.published_at,
  p.created_at
from public.posts p
join public.profiles pr on pr.id = p.author_id
where p.published;

comment on view public.published_posts is 'Published posts with the author''s username; RLS of the caller applies.';

revoke all on public.published_posts from anon;
grant select on public.published_posts to authenticated;

-- Published posts with their author's username.
-- security_invoker = true makes the view apply the caller's RLS policies on posts and
-- profiles instead of its owner's, so it exposes nothing the caller could not read anyway.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

create or replace view public.published_posts
with (security_invoker = true)
as
select
  p.id,
  p.organization_id,
  p.author_id,
  pr.username as author_username,
  p.title,
  p.body,
  p.created_at,
  p.updated_at
from public.posts p
join public.profiles pr on pr.id = p.author_id
where p.published;

comment on view public.published_posts is 'Published posts with the author''s username; RLS of the caller applies.';

-- Expose slug and counters on the published_posts view. CREATE OR REPLACE VIEW may only
-- append columns, so the new ones go at the end.

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
  p.created_at,
  p.slug,
  p.view_count,
  p.comment_count
from public.posts p
join public.profiles pr on pr.id = p.author_id
where p.published
  and p.status = 'published';

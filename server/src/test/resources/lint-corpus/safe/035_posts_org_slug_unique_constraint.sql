-- Attach the index built concurrently in the previous migration as a UNIQUE constraint.
-- Only a brief catalog update; no index build under the exclusive lock.

set local lock_timeout = '3s';

alter table public.posts
  add constraint posts_organization_id_slug_key
  unique using index posts_organization_id_slug_key;

-- drydock:no-transaction
-- Build the unique index for (organization_id, slug) without blocking writes.
-- A later migration turns it into a constraint.

set lock_timeout = '5s';

create unique index concurrently if not exists posts_organization_id_slug_key
  on public.posts (organization_id, slug);

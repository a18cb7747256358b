-- Step 3: prove posts.slug is never null without scanning under an exclusive lock.
-- NOT VALID only checks new and updated rows; validation happens in the next migration.

set local lock_timeout = '3s';

alter table public.posts
  add constraint posts_slug_not_null check (slug is not null) not valid;

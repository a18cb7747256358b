-- Step 5: SET NOT NULL is now instant, because the validated check
-- posts_slug_not_null proves there are no nulls. Then the check is redundant.

set local lock_timeout = '3s';

alter table public.posts alter column slug set not null;

alter table public.posts drop constraint posts_slug_not_null;

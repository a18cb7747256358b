-- Step 4: validate the check. VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE,
-- so reads and writes on posts continue while it scans.

alter table public.posts validate constraint posts_slug_not_null;

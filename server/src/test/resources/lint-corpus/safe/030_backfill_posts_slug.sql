-- Step 2: backfill slugs for rows created before the trigger existed. Data only, no DDL,
-- and only rows that still need it.

update public.posts
   set slug = trim(both '-' from lower(regexp_replace(title, '[^a-zA-Z0-9]+', '-', 'g'))) || '-' || id::text
 where slug is null;

-- Backfill profiles.public_id for rows created before the default existed.
-- Keyed and bounded: at most 5000 rows per run; re-run until nothing is left.

update public.profiles as p
   set public_id = gen_random_uuid()
 where p.id in (
   select id
     from public.profiles
    where public_id is null
    order by id
    limit 5000
 );

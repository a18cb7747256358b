-- An opaque public id for share links. A volatile default would rewrite the table when
-- added with the column, so: add the column nullable, then set the default (applies only
-- to new rows, catalog-only), then backfill old rows in the next migration.

set local lock_timeout = '3s';

alter table public.profiles add column public_id uuid;

alter table public.profiles alter column public_id set default gen_random_uuid();

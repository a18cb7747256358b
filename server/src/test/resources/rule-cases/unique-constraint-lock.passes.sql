-- orders_reference_idx was built with CREATE UNIQUE INDEX CONCURRENTLY in the previous migration.
set local lock_timeout = '5s';
alter table public.orders add constraint orders_reference_key unique using index orders_reference_idx;

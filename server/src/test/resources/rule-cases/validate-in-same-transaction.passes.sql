-- orders_quantity_positive was added NOT VALID by the previous migration.
set local lock_timeout = '5s';
alter table public.orders validate constraint orders_quantity_positive;

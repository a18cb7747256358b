set local lock_timeout = '5s';
alter table public.orders rename constraint orders_total_check to orders_total_nonnegative;

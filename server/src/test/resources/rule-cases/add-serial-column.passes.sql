set local lock_timeout = '5s';
alter table public.orders add column order_number bigint;

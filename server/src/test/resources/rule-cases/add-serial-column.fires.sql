-- expect-line: 4
-- expect-object: public.orders.order_number
set local lock_timeout = '5s';
alter table public.orders add column order_number bigint generated always as identity;

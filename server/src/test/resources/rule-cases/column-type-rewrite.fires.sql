-- expect-line: 4
-- expect-object: public.orders.quantity
set local lock_timeout = '5s';
alter table public.orders alter column quantity type bigint;

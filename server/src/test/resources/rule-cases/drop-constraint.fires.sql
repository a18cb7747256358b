-- expect-line: 4
-- expect-object: public.orders.orders_total_check
set local lock_timeout = '5s';
alter table public.orders drop constraint orders_total_check;

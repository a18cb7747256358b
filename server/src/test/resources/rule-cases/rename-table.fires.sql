-- expect-line: 4
-- expect-object: public.orders
set local lock_timeout = '5s';
alter table public.orders rename to purchase_orders;

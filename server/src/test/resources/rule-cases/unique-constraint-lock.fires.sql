-- expect-line: 4
-- expect-object: public.orders.orders_reference_key
set local lock_timeout = '5s';
alter table public.orders add constraint orders_reference_key unique (reference);

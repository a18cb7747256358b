-- expect-line: 5
-- expect-object: public.orders.orders_quantity_positive
set local lock_timeout = '5s';
alter table public.orders add constraint orders_quantity_positive check (quantity > 0) not valid;
alter table public.orders validate constraint orders_quantity_positive;

-- expect-line: 4
-- expect-object: public.orders.orders_customer_id_fkey
set local lock_timeout = '5s';
alter table public.orders add constraint orders_customer_id_fkey foreign key (customer_id) references public.customers (id);

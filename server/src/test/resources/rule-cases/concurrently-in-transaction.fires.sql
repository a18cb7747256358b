-- expect-line: 3
-- expect-object: public.orders_customer_id_idx
create index concurrently if not exists orders_customer_id_idx on public.orders (customer_id);

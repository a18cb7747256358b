-- drydock:no-transaction
-- expect-line: 4
-- expect-object: public.orders_customer_id_idx
create index concurrently orders_customer_id_idx on public.orders (customer_id);

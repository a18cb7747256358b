-- expect-line: 4
-- expect-object: public.orders_status_idx
-- Speed up the admin dashboard's "orders by status" filter.
create index orders_status_idx on public.orders (status);

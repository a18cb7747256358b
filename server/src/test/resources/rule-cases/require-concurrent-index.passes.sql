-- drydock:no-transaction
-- Speed up the admin dashboard's "orders by status" filter.
create index concurrently if not exists orders_status_idx on public.orders (status);

-- expect-line: 3
-- expect-object: public.orders
alter table public.orders add column shipped_at timestamptz;

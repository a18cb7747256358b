set local lock_timeout = '5s';
alter table public.orders add column shipped_at timestamptz;
alter table public.orders add column carrier text;

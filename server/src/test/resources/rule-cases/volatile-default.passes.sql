set local lock_timeout = '5s';
alter table public.orders add column synced_at timestamptz not null default now();

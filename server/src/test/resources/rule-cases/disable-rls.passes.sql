set local lock_timeout = '5s';
alter table public.orders enable row level security;

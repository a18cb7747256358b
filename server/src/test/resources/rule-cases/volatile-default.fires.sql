-- expect-line: 4
-- expect-object: public.orders.public_id
set local lock_timeout = '5s';
alter table public.orders add column public_id uuid default gen_random_uuid();

-- expect-line: 4
-- expect-object: public.orders.reference
set local lock_timeout = '5s';
alter table public.orders alter column reference set not null;

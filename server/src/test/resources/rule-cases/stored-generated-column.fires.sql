-- expect-line: 4
-- expect-object: public.orders.total_with_tax
set local lock_timeout = '5s';
alter table public.orders add column total_with_tax numeric generated always as (total * 1.2) stored;

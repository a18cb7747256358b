-- expect-line: 4
-- expect-object: public.orders.currency
set local lock_timeout = '5s';
alter table public.orders add column currency text not null;

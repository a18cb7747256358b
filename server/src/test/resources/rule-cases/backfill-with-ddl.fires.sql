-- expect-line: 5
-- expect-object: public.orders
set local lock_timeout = '5s';
alter table public.orders add column currency text;
update public.orders set currency = 'EUR' where currency is null;

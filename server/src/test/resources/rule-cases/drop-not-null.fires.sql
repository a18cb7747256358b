-- expect-line: 4
-- expect-object: public.orders.customer_email
set local lock_timeout = '5s';
alter table public.orders alter column customer_email drop not null;

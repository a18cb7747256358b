-- expect-line: 4
-- expect-object: public.orders.legacy_code
set local lock_timeout = '5s';
alter table public.orders drop column legacy_code;

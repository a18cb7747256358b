set local lock_timeout = '5s';
alter table public.orders add column currency text not null default 'EUR';

set local lock_timeout = '5s';
alter table public.orders alter column total drop default;

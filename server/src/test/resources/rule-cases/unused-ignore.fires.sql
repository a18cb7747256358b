-- expect-line: 3
set local lock_timeout = '5s';
-- drydock:ignore drop-column legacy_code has not been read since v2.3
alter table public.orders alter column legacy_code drop default;

-- expect-line: 3
set local lock_timeout = '5s';
-- drydock:ignore drop-column
alter table public.orders drop column legacy_code;

-- expect-line: 4
set local lock_timeout = '5s';
alter table public.orders add column shipped_at timestamptz;
frobnicate the widgets;

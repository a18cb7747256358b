-- expect-line: 4
set local lock_timeout = '5s';
alter table public.orders add column delivery_notes text;
\i seed/delivery_notes.sql

-- expect-line: 4
-- expect-object: public.orders.note
set local lock_timeout = '5s';
alter table public.orders rename column note to delivery_note;

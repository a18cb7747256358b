-- expect-line: 4
-- expect-object: public.bookings.bookings_no_overlap
set local lock_timeout = '5s';
alter table public.bookings add constraint bookings_no_overlap exclude using gist (during with &&);

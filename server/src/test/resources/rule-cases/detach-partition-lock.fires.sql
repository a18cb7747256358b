-- expect-line: 4
-- expect-object: public.events
set lock_timeout = '5s';
alter table public.events detach partition public.events_2023;

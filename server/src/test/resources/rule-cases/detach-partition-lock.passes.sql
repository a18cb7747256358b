-- drydock:no-transaction
set lock_timeout = '5s';
alter table public.events detach partition public.events_2023 concurrently;

set local lock_timeout = '5s';
alter table public.orders add column delivery_notes text;
comment on column public.orders.delivery_notes is 'Free text; don''t paste psql commands like \i here.';

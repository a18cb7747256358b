-- The "private" schema holds helpers that RLS policies and triggers call.
-- It is not exposed through the Data API.

set local lock_timeout = '5s';

create schema if not exists private;

comment on schema private is 'Internal helpers; not exposed through the Data API.';

revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

create or replace function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

comment on function public.set_updated_at() is 'BEFORE UPDATE trigger that stamps updated_at.';

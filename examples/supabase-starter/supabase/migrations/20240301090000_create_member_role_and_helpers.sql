-- Shared building blocks used by the later migrations:
--   * public.member_role, the role a user holds in an organization;
--   * the "private" schema, which is not exposed through the Data API and holds the
--     SECURITY DEFINER helpers that row level security policies call;
--   * public.set_updated_at(), the trigger function that maintains updated_at columns.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

create type public.member_role as enum ('owner', 'admin', 'member');

comment on type public.member_role is 'Role of a user within an organization.';

create schema if not exists private;

comment on schema private is 'Helpers for RLS policies; not exposed through the Data API.';

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

comment on function public.set_updated_at() is 'BEFORE UPDATE trigger: stamps updated_at with the transaction time.';

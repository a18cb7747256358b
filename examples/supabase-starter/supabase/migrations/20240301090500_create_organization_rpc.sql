-- public.create_organization(name, slug): the one way for a signed-in user to create an
-- organization. It runs as its owner (SECURITY DEFINER) so it can insert the organization
-- and the caller's owner membership in one step, which RLS alone would not allow.
-- Callable through the Data API as rpc('create_organization'); not by anon.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

create or replace function public.create_organization(org_name text, org_slug text)
returns public.organizations
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  org public.organizations;
begin
  if caller is null then
    raise exception 'create_organization requires a signed-in user'
      using errcode = '42501';
  end if;

  insert into public.organizations (name, slug)
  values (org_name, org_slug)
  returning * into org;

  insert into public.memberships (organization_id, user_id, role)
  values (org.id, caller, 'owner');

  return org;
end;
$$;

comment on function public.create_organization(text, text) is 'Creates an organization owned by the calling user.';

revoke execute on function public.create_organization(text, text) from public, anon;
grant execute on function public.create_organization(text, text) to authenticated, service_role;

-- public.create_organization(name, slug): creates an organization and makes the caller
-- its owner in one step, which RLS alone would not allow.

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

  insert into public.organizations (name, slug, created_by)
  values (org_name, org_slug, caller)
  returning * into org;

  insert into public.memberships (organization_id, user_id, role)
  values (org.id, caller, 'owner');

  return org;
end;
$$;

comment on function public.create_organization(text, text) is 'Creates an organization owned by the calling user.';

revoke execute on function public.create_organization(text, text) from public, anon;
grant execute on function public.create_organization(text, text) to authenticated, service_role;

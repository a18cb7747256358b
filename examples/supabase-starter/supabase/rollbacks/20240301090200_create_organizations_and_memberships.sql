-- Undoes 20240301090200_create_organizations_and_memberships.sql.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

drop trigger organizations_set_updated_at on public.organizations;

drop policy "Members can leave and admins can remove members" on public.memberships;
drop policy "Owners and admins can change roles" on public.memberships;
drop policy "Owners and admins can add members" on public.memberships;
drop policy "Members can see the members of their organizations" on public.memberships;
drop policy "Owners can delete their organization" on public.organizations;
drop policy "Owners and admins can update their organization" on public.organizations;
drop policy "Members can read their organizations" on public.organizations;

drop function private.has_org_role(uuid, public.member_role[]);
drop function private.is_org_member(uuid);

drop table public.memberships;
drop table public.organizations;

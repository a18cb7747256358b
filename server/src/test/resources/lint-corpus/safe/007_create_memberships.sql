-- Who belongs to which organization. Policies on memberships cannot query memberships
-- directly (infinite recursion), so checks go through SECURITY DEFINER helpers.

set local lock_timeout = '5s';

create table if not exists public.memberships (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.member_role not null default 'member',
  created_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);

-- The primary key covers organization_id; user_id needs its own index.
create index if not exists memberships_user_id_idx on public.memberships (user_id);

alter table public.memberships enable row level security;

create or replace function private.is_org_member(org_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships m
    where m.organization_id = org_id
      and m.user_id = (select auth.uid())
  );
$$;

create or replace function private.has_org_role(org_id uuid, roles public.member_role[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.memberships m
    where m.organization_id = org_id
      and m.user_id = (select auth.uid())
      and m.role = any (roles)
  );
$$;

revoke execute on function private.is_org_member(uuid) from public;
revoke execute on function private.has_org_role(uuid, public.member_role[]) from public;
grant execute on function private.is_org_member(uuid) to authenticated, service_role;
grant execute on function private.has_org_role(uuid, public.member_role[]) to authenticated, service_role;

create policy "Members can see the members of their organizations"
  on public.memberships for select
  to authenticated
  using (user_id = (select auth.uid()) or private.is_org_member(organization_id));

create policy "Owners and admins can add members"
  on public.memberships for insert
  to authenticated
  with check (
    private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[])
    and (role <> 'owner' or private.has_org_role(organization_id, array['owner']::public.member_role[]))
  );

create policy "Owners and admins can change roles"
  on public.memberships for update
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]))
  with check (
    private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[])
    and (role <> 'owner' or private.has_org_role(organization_id, array['owner']::public.member_role[]))
  );

create policy "Members can leave and admins can remove members"
  on public.memberships for delete
  to authenticated
  using (
    user_id = (select auth.uid())
    or private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[])
  );

-- Organizations become visible to every member, not only to their creator.
create policy "Members can read their organizations"
  on public.organizations for select
  to authenticated
  using (private.is_org_member(id));

create policy "Owners and admins can update their organization"
  on public.organizations for update
  to authenticated
  using (private.has_org_role(id, array['owner', 'admin']::public.member_role[]))
  with check (private.has_org_role(id, array['owner', 'admin']::public.member_role[]));

create policy "Owners can delete their organization"
  on public.organizations for delete
  to authenticated
  using (private.has_org_role(id, array['owner']::public.member_role[]));

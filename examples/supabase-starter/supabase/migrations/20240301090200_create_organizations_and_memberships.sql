-- Organizations and who belongs to them.
--
-- Policies on memberships cannot query memberships directly (PostgreSQL would report
-- "infinite recursion detected in policy"), so membership checks go through two
-- SECURITY DEFINER helpers in the private schema, which read memberships without RLS.
-- Organizations are created through public.create_organization() (a later migration),
-- which also makes the caller the owner; there is no INSERT policy on purpose.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

create table if not exists public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organizations_name_length check (char_length(name) between 1 and 100),
  constraint organizations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

comment on table public.organizations is 'A team or workspace that owns posts.';

alter table public.organizations enable row level security;

create table if not exists public.memberships (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.member_role not null default 'member',
  created_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);

comment on table public.memberships is 'Which users belong to which organization, and with what role.';

-- The primary key's leading column already indexes organization_id; user_id needs its own.
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

comment on function private.is_org_member(uuid) is 'True when the current user belongs to the organization.';

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

comment on function private.has_org_role(uuid, public.member_role[]) is 'True when the current user holds one of the roles in the organization.';

revoke execute on function private.is_org_member(uuid) from public;
revoke execute on function private.has_org_role(uuid, public.member_role[]) from public;
grant execute on function private.is_org_member(uuid) to authenticated, service_role;
grant execute on function private.has_org_role(uuid, public.member_role[]) to authenticated, service_role;

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

create trigger organizations_set_updated_at
  before update on public.organizations
  for each row execute function public.set_updated_at();

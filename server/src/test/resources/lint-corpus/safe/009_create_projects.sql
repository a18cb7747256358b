-- Projects group posts inside an organization.
-- (name/description were declared as varchar by the original author; widened later.)

set local lock_timeout = '5s';

create table public.projects (
  id bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name varchar(80) not null,
  description varchar(500) not null default '',
  archived_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name)
);

-- organization_id is covered by the unique constraint's leading column.
create index projects_created_by_idx on public.projects (created_by);
create index projects_active_idx on public.projects (organization_id) where archived_at is null;

alter table public.projects enable row level security;

create policy "Members can read projects"
  on public.projects for select
  to authenticated
  using (private.is_org_member(organization_id));

create policy "Admins can create projects"
  on public.projects for insert
  to authenticated
  with check (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create policy "Admins can update projects"
  on public.projects for update
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]))
  with check (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create trigger projects_set_updated_at
  before update on public.projects
  for each row execute procedure extensions.moddatetime (updated_at);

-- Organizations (teams / workspaces). Membership-based policies arrive with the
-- memberships table in the next migration; until then only the creator can see a row.

set local lock_timeout = '5s';

create table if not exists public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organizations_slug_key unique (slug),
  constraint organizations_name_length check (char_length(name) between 1 and 100),
  constraint organizations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create index if not exists organizations_created_by_idx
  on public.organizations (created_by);

comment on table public.organizations is 'A team or workspace.';

alter table public.organizations enable row level security;

create policy "Creators can read their organizations"
  on public.organizations for select
  to authenticated
  using (created_by = (select auth.uid()));

create trigger organizations_set_updated_at
  before update on public.organizations
  for each row execute function public.set_updated_at();

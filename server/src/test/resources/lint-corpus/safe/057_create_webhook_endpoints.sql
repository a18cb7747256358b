-- Outgoing webhooks configured per organization.

set local lock_timeout = '5s';

create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  url text not null check (url ~ '^https://'),
  description text,
  events text[] not null default '{}',
  signing_secret text not null default encode(extensions.gen_random_bytes(32), 'base64'),
  enabled boolean not null default true,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index webhook_endpoints_organization_id_idx on public.webhook_endpoints (organization_id);
create index webhook_endpoints_created_by_idx on public.webhook_endpoints (created_by);

alter table public.webhook_endpoints enable row level security;

create policy "Admins manage webhook endpoints"
  on public.webhook_endpoints for all
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]))
  with check (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create trigger webhook_endpoints_set_updated_at
  before update on public.webhook_endpoints
  for each row execute function public.set_updated_at();

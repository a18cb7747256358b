-- Organization activity feed, partitioned by year. Partitions live in public too, so each
-- one gets row level security and a policy of its own (RLS on the parent does not protect
-- direct access to a partition).

set local lock_timeout = '5s';

create table public.activity_events (
  id bigint generated always as identity,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  verb text not null,
  subject_type text not null,
  subject_id text not null,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  primary key (organization_id, created_at, id)
) partition by range (created_at);

create index activity_events_actor_id_idx on public.activity_events (actor_id);

create table public.activity_events_2025 partition of public.activity_events
  for values from ('2025-01-01') to ('2026-01-01');
create table public.activity_events_2026 partition of public.activity_events
  for values from ('2026-01-01') to ('2027-01-01');
create table public.activity_events_default partition of public.activity_events default;

alter table public.activity_events enable row level security;
alter table public.activity_events_2025 enable row level security;
alter table public.activity_events_2026 enable row level security;
alter table public.activity_events_default enable row level security;

create policy "Members can read their organization's activity"
  on public.activity_events for select
  to authenticated
  using (private.is_org_member(organization_id));

create policy "Members can read 2025 activity"
  on public.activity_events_2025 for select
  to authenticated
  using (private.is_org_member(organization_id));

create policy "Members can read 2026 activity"
  on public.activity_events_2026 for select
  to authenticated
  using (private.is_org_member(organization_id));

create policy "Members can read older or future activity"
  on public.activity_events_default for select
  to authenticated
  using (private.is_org_member(organization_id));

comment on table public.activity_events is 'Append-only activity feed; written by the service role.';

-- Feature flags with optional per-organization overrides.

set local lock_timeout = '5s';

create table public.feature_flags (
  key text primary key check (key ~ '^[a-z][a-z0-9_.-]{1,62}$'),
  description text not null default '',
  enabled_by_default boolean not null default false,
  rollout_percent smallint not null default 0 check (rollout_percent between 0 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.feature_flag_overrides (
  flag_key text not null references public.feature_flags (key) on delete cascade on update cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  enabled boolean not null,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (flag_key, organization_id)
);

create index feature_flag_overrides_org_idx on public.feature_flag_overrides (organization_id);

alter table public.feature_flags enable row level security;
alter table public.feature_flag_overrides enable row level security;

-- Signed-in clients may read the flag list (a deliberate, read-only choice).
create policy "Signed-in users can read feature flags"
  on public.feature_flags for select
  to authenticated
  using (true);

create policy "Members can read their organization's overrides"
  on public.feature_flag_overrides for select
  to authenticated
  using (private.is_org_member(organization_id));

create trigger feature_flags_set_updated_at
  before update on public.feature_flags
  for each row execute procedure extensions.moddatetime (updated_at);

insert into public.feature_flags (key, description, enabled_by_default)
values
  ('posts.markdown_preview', 'Live markdown preview in the editor', true),
  ('billing.annual_plans', 'Offer annual billing on the pricing page', false),
  ('notifications.digest', 'Daily email digest of unread notifications', false)
on conflict (key) do nothing;

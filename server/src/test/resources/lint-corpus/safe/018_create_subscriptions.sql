-- Subscription state mirrored from Stripe webhooks.

set local lock_timeout = '5s';

create type public.subscription_status as enum (
  'trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused'
);

create table public.subscriptions (
  id text primary key,                      -- Stripe subscription id (sub_...)
  organization_id uuid not null references public.organizations (id) on delete cascade,
  plan_id text not null references public.plans (id),
  status public.subscription_status not null,
  quantity integer not null default 1,
  cancel_at_period_end boolean not null default false,
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  trial_end timestamptz,
  canceled_at timestamptz,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create index subscriptions_organization_id_idx on public.subscriptions (organization_id);
create index subscriptions_plan_id_idx on public.subscriptions (plan_id);
create unique index subscriptions_one_live_per_org
  on public.subscriptions (organization_id)
  where status in ('trialing', 'active', 'past_due');

alter table public.subscriptions enable row level security;

create policy "Members can read their organization's subscription"
  on public.subscriptions for select
  to authenticated
  using (private.is_org_member(organization_id));

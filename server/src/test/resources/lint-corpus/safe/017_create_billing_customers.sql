-- Stripe customer per organization. Written only by the billing webhook (service role).

set local lock_timeout = '5s';

create table public.billing_customers (
  organization_id uuid primary key references public.organizations (id) on delete cascade,
  stripe_customer_id text not null unique,
  billing_email extensions.citext,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.billing_customers enable row level security;

create policy "Owners can read the billing customer"
  on public.billing_customers for select
  to authenticated
  using (private.has_org_role(organization_id, array['owner']::public.member_role[]));

create trigger billing_customers_set_updated_at
  before update on public.billing_customers
  for each row execute function public.set_updated_at();

comment on table public.billing_customers is 'Stripe customer ids; written by the billing webhook with the service role.';

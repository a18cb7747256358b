-- Invoices, one row per Stripe invoice.

set local lock_timeout = '5s';

create table public.invoices (
  id text primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  subscription_id text references public.subscriptions (id) on delete set null,
  amount_due_cents bigint not null,
  amount_paid_cents bigint not null default 0,
  currency text not null default 'usd' check (currency ~ '^[a-z]{3}$'),
  status text not null check (status in ('draft', 'open', 'paid', 'uncollectible', 'void')),
  hosted_invoice_url text,
  issued_at timestamptz not null,
  created_at timestamptz not null default now()
);

create index invoices_organization_id_issued_at_idx on public.invoices (organization_id, issued_at desc);
create index invoices_subscription_id_idx on public.invoices (subscription_id);

alter table public.invoices enable row level security;

create policy "Owners and admins can read invoices"
  on public.invoices for select
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

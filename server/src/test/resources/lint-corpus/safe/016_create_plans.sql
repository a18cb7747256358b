-- Billing plans: a small lookup table, readable by everyone for the pricing page.
-- Rows are maintained by migrations and the service role only.

set local lock_timeout = '5s';

create table public.plans (
  id text primary key,
  display_name text not null,
  monthly_price_cents integer not null check (monthly_price_cents >= 0),
  max_members integer,
  max_projects integer,
  is_public boolean not null default true,
  sort_order smallint not null default 0,
  created_at timestamptz not null default now()
);

alter table public.plans enable row level security;

create policy "Public plans are visible to everyone"
  on public.plans for select
  to anon, authenticated
  using (is_public);

grant select on public.plans to anon, authenticated;

insert into public.plans (id, display_name, monthly_price_cents, max_members, max_projects, sort_order)
values
  ('free', 'Free', 0, 3, 2, 10),
  ('pro', 'Pro', 2500, 20, 50, 20),
  ('team', 'Team', 9900, 100, null, 30);

insert into public.plans (id, display_name, monthly_price_cents, is_public, sort_order)
values ('enterprise', 'Enterprise', 0, false, 40);

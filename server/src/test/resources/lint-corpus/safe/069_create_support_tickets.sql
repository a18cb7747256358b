-- Support tickets opened by users; staff answer them with the service role.

set local lock_timeout = '5s';

create type public.ticket_priority as enum ('low', 'normal', 'high', 'urgent');

create table public.support_tickets (
  id bigint generated always as identity primary key,
  organization_id uuid references public.organizations (id) on delete set null,
  opened_by uuid not null references auth.users (id) on delete cascade,
  assignee_id uuid references auth.users (id) on delete set null,
  subject text not null check (char_length(subject) between 3 and 200),
  priority public.ticket_priority not null default 'normal',
  closed_at timestamptz,
  is_open boolean generated always as (closed_at is null) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index support_tickets_organization_id_idx on public.support_tickets (organization_id);
create index support_tickets_opened_by_idx on public.support_tickets (opened_by);
create index support_tickets_assignee_id_idx on public.support_tickets (assignee_id);
create index support_tickets_open_queue_idx on public.support_tickets (priority, created_at) where is_open;

alter table public.support_tickets enable row level security;

create policy "Users can read the tickets they opened"
  on public.support_tickets for select
  to authenticated
  using (opened_by = (select auth.uid()));

create policy "Users can open tickets"
  on public.support_tickets for insert
  to authenticated
  with check (
    opened_by = (select auth.uid())
    and (organization_id is null or private.is_org_member(organization_id))
  );

create trigger support_tickets_set_updated_at
  before update on public.support_tickets
  for each row execute function public.set_updated_at();

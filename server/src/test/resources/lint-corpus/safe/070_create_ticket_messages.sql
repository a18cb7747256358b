-- Messages on support tickets. Internal notes are hidden from the customer.

set local lock_timeout = '5s';

create table public.ticket_messages (
  id bigint generated always as identity primary key,
  ticket_id bigint not null references public.support_tickets (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  body text not null,
  internal boolean not null default false,
  created_at timestamptz not null default now()
);

create index ticket_messages_ticket_id_created_at_idx on public.ticket_messages (ticket_id, created_at);
create index ticket_messages_author_id_idx on public.ticket_messages (author_id);

alter table public.ticket_messages enable row level security;

create policy "Customers can read public messages on their tickets"
  on public.ticket_messages for select
  to authenticated
  using (
    not internal
    and exists (
      select 1 from public.support_tickets t
      where t.id = ticket_messages.ticket_id
        and t.opened_by = (select auth.uid())
    )
  );

create policy "Customers can reply on their open tickets"
  on public.ticket_messages for insert
  to authenticated
  with check (
    author_id = (select auth.uid())
    and not internal
    and exists (
      select 1 from public.support_tickets t
      where t.id = ticket_messages.ticket_id
        and t.opened_by = (select auth.uid())
        and t.is_open
    )
  );

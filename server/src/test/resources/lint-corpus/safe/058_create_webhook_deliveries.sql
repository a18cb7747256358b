-- Delivery attempts for outgoing webhooks (written by the delivery worker).

set local lock_timeout = '5s';

create table public.webhook_deliveries (
  id bigint generated always as identity primary key,
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
  event text not null,
  payload jsonb not null,
  attempt smallint not null default 1,
  response_status integer,
  response_body text,
  delivered_at timestamptz,
  next_retry_at timestamptz,
  created_at timestamptz not null default now()
);

create index webhook_deliveries_endpoint_created_idx
  on public.webhook_deliveries (endpoint_id, created_at desc);
create index webhook_deliveries_retry_idx
  on public.webhook_deliveries (next_retry_at)
  where delivered_at is null;

alter table public.webhook_deliveries enable row level security;

create policy "Admins can read deliveries of their endpoints"
  on public.webhook_deliveries for select
  to authenticated
  using (
    exists (
      select 1
      from public.webhook_endpoints e
      where e.id = webhook_deliveries.endpoint_id
        and private.has_org_role(e.organization_id, array['owner', 'admin']::public.member_role[])
    )
  );

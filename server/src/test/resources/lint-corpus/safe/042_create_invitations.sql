-- Pending invitations to join an organization. The token is emailed to the invitee.

set local lock_timeout = '5s';

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  email extensions.citext not null,
  role public.member_role not null default 'member',
  token text not null unique default encode(extensions.gen_random_bytes(24), 'hex'),
  invited_by uuid references public.profiles (id) on delete set null,
  accepted_by uuid references public.profiles (id) on delete set null,
  accepted_at timestamptz,
  expires_at timestamptz not null default now() + interval '7 days',
  created_at timestamptz not null default now(),
  constraint invitations_role_not_owner check (role <> 'owner')
);

create unique index invitations_pending_email_key
  on public.invitations (organization_id, email)
  where accepted_at is null;
create index invitations_organization_id_idx on public.invitations (organization_id);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);

alter table public.invitations enable row level security;

create policy "Admins can read invitations"
  on public.invitations for select
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create policy "Admins can invite"
  on public.invitations for insert
  to authenticated
  with check (
    invited_by = (select auth.uid())
    and private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[])
  );

create policy "Admins can revoke invitations"
  on public.invitations for delete
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

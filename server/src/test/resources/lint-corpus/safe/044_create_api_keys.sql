-- Organization API keys. Only a SHA-256 hash of the secret is stored; the plaintext is
-- returned once by public.create_api_key().

set local lock_timeout = '5s';

create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 64),
  prefix text not null,
  key_hash bytea not null unique,
  scopes text[] not null default array['read']::text[],
  created_by uuid references public.profiles (id) on delete set null,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);

create index api_keys_organization_id_idx on public.api_keys (organization_id);
create index api_keys_created_by_idx on public.api_keys (created_by);

alter table public.api_keys enable row level security;

create policy "Admins can list API keys"
  on public.api_keys for select
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create policy "Admins can revoke API keys"
  on public.api_keys for update
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]))
  with check (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create or replace function public.create_api_key(org uuid, key_name text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  secret text;
begin
  if not private.has_org_role(org, array['owner', 'admin']::public.member_role[]) then
    raise exception 'only owners and admins can create API keys' using errcode = '42501';
  end if;

  secret := 'dk_' || encode(extensions.gen_random_bytes(24), 'hex');

  insert into public.api_keys (organization_id, name, prefix, key_hash, created_by)
  values (org, key_name, left(secret, 10), extensions.digest(secret, 'sha256'), (select auth.uid()));

  return secret;
end;
$$;

revoke execute on function public.create_api_key(uuid, text) from public, anon;
grant execute on function public.create_api_key(uuid, text) to authenticated;

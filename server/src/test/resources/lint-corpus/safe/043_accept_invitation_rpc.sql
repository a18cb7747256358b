-- public.accept_invitation(token): joins the organization if the invitation is pending,
-- unexpired and addressed to the caller's verified email (top-level JWT claim, set by
-- Supabase Auth; not the user-editable metadata).

create or replace function public.accept_invitation(invite_token text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  caller_email text := (select auth.jwt() ->> 'email');
  inv public.invitations%rowtype;
begin
  if caller is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;

  select * into inv
    from public.invitations i
   where i.token = invite_token
     and i.accepted_at is null
     and i.expires_at > now()
   for update;

  if not found or lower(inv.email::text) <> lower(caller_email) then
    raise exception 'invitation not found or expired' using errcode = 'P0002';
  end if;

  insert into public.memberships (organization_id, user_id, role)
  values (inv.organization_id, caller, inv.role)
  on conflict (organization_id, user_id) do nothing;

  update public.invitations
     set accepted_at = now(),
         accepted_by = caller
   where id = inv.id;

  return inv.organization_id;
end;
$$;

revoke execute on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated;

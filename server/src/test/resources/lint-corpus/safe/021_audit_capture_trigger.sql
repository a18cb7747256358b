-- audit.capture(): generic AFTER trigger that writes one row to audit.log_entries.
-- SECURITY DEFINER so that application roles need no privileges on the audit schema.

create or replace function audit.capture()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into audit.log_entries (actor_id, table_schema, table_name, operation, row_pk, old_row, new_row)
  values (
    (select auth.uid()),
    tg_table_schema,
    tg_table_name,
    tg_op,
    case when tg_op = 'DELETE' then jsonb_build_object('id', to_jsonb(old) -> 'id')
         else jsonb_build_object('id', to_jsonb(new) -> 'id') end,
    case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end,
    case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end
  );
  return null;
end;
$$;

revoke execute on function audit.capture() from public;

create trigger organizations_audit
  after insert or update or delete on public.organizations
  for each row execute function audit.capture();

create trigger memberships_audit
  after insert or update or delete on public.memberships
  for each row execute function audit.capture();

create trigger subscriptions_audit
  after insert or update or delete on public.subscriptions
  for each row execute function audit.capture();

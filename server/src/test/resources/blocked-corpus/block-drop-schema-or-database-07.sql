-- tests: drop schema inside a plpgsql function body after static statements
create function private.reset_tenant() returns void
language plpgsql
as $fn$
begin
  insert into audit_events (kind) values ('reset');
  drop schema if exists tenant_42 cascade;
end;
$fn$;

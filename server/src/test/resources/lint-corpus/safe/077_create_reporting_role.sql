-- A read-only NOLOGIN role for the BI connector. CREATE ROLE has no IF NOT EXISTS,
-- so the creation is guarded in a DO block (static statements only).

do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'reporting_reader') then
    create role reporting_reader nologin;
  end if;
end
$$;

grant usage on schema audit to reporting_reader;
grant select on all tables in schema audit to reporting_reader;
grant usage on schema private to reporting_reader;
grant select on private.org_post_stats to reporting_reader;

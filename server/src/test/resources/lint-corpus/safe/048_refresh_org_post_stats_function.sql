-- private.refresh_org_post_stats(): called by a scheduled job with the service role.

create or replace function private.refresh_org_post_stats()
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  refresh materialized view private.org_post_stats;
end;
$$;

revoke execute on function private.refresh_org_post_stats() from public;
grant execute on function private.refresh_org_post_stats() to service_role;

-- tests: drop inside a plpgsql function body with a named dollar tag
create or replace function public.reset_cache() returns void
language plpgsql
as $body$
begin
  perform 1;
  drop table if exists cache_entries;
end;
$body$;

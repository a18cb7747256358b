-- tests: drop inside an SQL-language function body
create function public.purge_staging() returns void
language sql
as $$ drop table staging $$;

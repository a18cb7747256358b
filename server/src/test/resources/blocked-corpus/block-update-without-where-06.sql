-- tests: update without where inside an SQL-language function body
create function public.reset_counters() returns void
language sql
as $$ update posts set view_count = 0 $$;

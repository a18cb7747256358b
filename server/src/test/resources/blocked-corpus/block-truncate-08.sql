-- tests: truncate inside an SQL-language function body
create function public.reset_demo() returns void
language sql
as $$ truncate demo_data $$;

-- tests: FOR ... IN EXECUTE loop
create or replace function public.count_all() returns bigint
language plpgsql
as $$
declare
  r record;
  total bigint := 0;
begin
  for r in execute 'select count(*) as n from ' || 'public.posts' loop
    total := total + r.n;
  end loop;
  return total;
end;
$$;

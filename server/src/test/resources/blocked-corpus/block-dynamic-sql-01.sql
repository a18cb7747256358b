-- tests: plpgsql EXECUTE of a concatenated string
create or replace function public.drop_it() returns void
language plpgsql
as $$
begin
  execute 'drop ' || 'table t';
end;
$$;

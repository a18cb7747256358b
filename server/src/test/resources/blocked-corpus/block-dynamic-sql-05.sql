-- tests: RETURN QUERY EXECUTE in a set-returning function
create or replace function public.rows_of(tbl text) returns setof record
language plpgsql
as $$
begin
  return query execute format('select * from %I', tbl);
end;
$$;

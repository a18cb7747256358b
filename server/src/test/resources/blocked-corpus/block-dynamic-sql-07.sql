-- tests: OPEN cursor FOR EXECUTE
create or replace function public.open_any(tbl text) returns refcursor
language plpgsql
as $$
declare
  c refcursor := 'c';
begin
  open c for execute 'select * from ' || quote_ident(tbl);
  return c;
end;
$$;

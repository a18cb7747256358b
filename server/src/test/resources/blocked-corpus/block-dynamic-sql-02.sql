-- tests: EXECUTE format(...) with an identifier argument
create or replace function public.clear_table(tbl text) returns void
language plpgsql
as $$
begin
  execute format('delete from %I where created_at < now()', tbl);
end;
$$;

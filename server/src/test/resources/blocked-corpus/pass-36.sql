-- tests: an EXECUTE that appears only in a comment inside a plpgsql body
create or replace function public.safe_fn() returns void
language plpgsql
as $$
begin
  -- never do this: execute 'drop table ' || tbl;
  /* execute format('truncate %I', tbl); */
  perform 1;
end;
$$;

-- tests: truncate inside a plpgsql function with a $fn$ tag
create or replace function public.nightly_reset() returns void
language plpgsql
as $fn$
begin
  raise notice 'nightly reset';
  truncate table only scratch_rows, scratch_cols continue identity restrict;
end;
$fn$;

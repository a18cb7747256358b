-- tests: drop inside a DO $$ ... $$ block
do $$
begin
  raise notice 'removing staging data';
  drop table staging_import;
end
$$;

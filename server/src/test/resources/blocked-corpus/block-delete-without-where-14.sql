-- tests: tautological where inside a plpgsql function in DO $tag$
do $cleanup$
declare
  n bigint;
begin
  delete from notifications where true;
  get diagnostics n = row_count;
  raise notice 'deleted % rows', n;
end
$cleanup$;

-- tests: EXECUTE of a string built with quote_ident inside a loop, in DO $tag$
do $grants$
declare
  t text;
begin
  for t in select tablename from pg_tables where schemaname = 'public' loop
    execute 'grant select on public.' || quote_ident(t) || ' to authenticated';
  end loop;
end
$grants$;

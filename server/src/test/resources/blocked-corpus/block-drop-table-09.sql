-- tests: drop inside DO $tag$ ... $tag$ whose body also contains a stray $$ string
do $migrate$
begin
  raise notice 'a string with $$ inside';
  drop table if exists tmp_import;
end
$migrate$;

-- tests: update without where inside a plpgsql function with a $fn$ tag
create function public.archive_everything() returns void
language plpgsql
as $fn$
begin
  update projects set archived_at = now();
end;
$fn$;

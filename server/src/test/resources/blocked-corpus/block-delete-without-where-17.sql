-- tests: delete without where in a BEGIN ATOMIC (SQL-standard) function body
create function public.forget_everything() returns void
language sql
begin atomic
  delete from bookmarks;
end;

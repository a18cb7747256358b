-- tests: tautological update in a BEGIN ATOMIC function body
create function public.mark_all_read() returns void
language sql
begin atomic
  update notifications set read_at = now() where 1 = 1;
end;

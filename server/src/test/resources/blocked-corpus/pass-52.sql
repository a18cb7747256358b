-- tests: a BEGIN ATOMIC function whose update has a real where clause
create function public.mark_read(p_id bigint) returns void
language sql
begin atomic
  update notifications set read_at = now() where id = p_id and user_id = auth.uid();
end;

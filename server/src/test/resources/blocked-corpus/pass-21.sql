-- tests: plpgsql function with PERFORM and static SQL only (no EXECUTE)
create or replace function public.touch_post(p_id bigint) returns void
language plpgsql
as $$
begin
  perform 1;
  update posts set updated_at = now() where id = p_id;
  insert into activity (post_id, verb) values (p_id, 'touched');
end;
$$;

-- tests: DO block with static DML that has where clauses
do $$
begin
  delete from sessions where expires_at < now();
  update profiles set avatar_url = null where avatar_url = '';
end
$$;

-- tests: update without where inside a DO block
do $$
begin
  update profiles set avatar_url = null;
end
$$;

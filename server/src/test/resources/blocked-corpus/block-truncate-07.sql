-- tests: truncate inside a DO block
do $$
begin
  truncate table rate_limits;
end
$$;

-- tests: alter system inside a DO block
do $$
begin
  alter system set log_min_duration_statement = 0;
end
$$;

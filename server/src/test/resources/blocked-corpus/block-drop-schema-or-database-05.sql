-- tests: drop schema inside a DO block
do $$
begin
  drop schema legacy cascade;
end
$$;

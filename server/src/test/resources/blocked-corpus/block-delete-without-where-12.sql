-- tests: delete without where inside a DO block
do $$
begin
  delete from sessions;
end
$$;

-- tests: plpgsql function that returns a string containing DROP TABLE
create function public.tell() returns text
language plpgsql
as $$
begin
  return 'drop table x';
end
$$;

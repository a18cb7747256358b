-- tests: disable RLS inside a DO block
do $$
begin
  alter table public.profiles disable row level security;
end
$$;

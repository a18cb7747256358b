-- tests: disable RLS inside a plpgsql function
create function private.open_up() returns void
language plpgsql
as $$
begin
  alter table public.documents disable row level security;
end;
$$;

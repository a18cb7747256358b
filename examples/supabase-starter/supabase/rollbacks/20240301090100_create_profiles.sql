-- Undoes 20240301090100_create_profiles.sql.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

drop trigger profiles_set_updated_at on public.profiles;

drop policy "Users can update their own profile" on public.profiles;
drop policy "Users can create their own profile" on public.profiles;
drop policy "Signed-in users can read profiles" on public.profiles;

drop table public.profiles;

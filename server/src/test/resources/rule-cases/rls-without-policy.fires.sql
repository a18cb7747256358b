-- expect-line: 4
-- expect-object: public.profiles
create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, display_name text, avatar_url text);
alter table public.profiles enable row level security;

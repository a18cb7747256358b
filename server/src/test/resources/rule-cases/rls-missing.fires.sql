-- expect-line: 3
-- expect-object: public.profiles
create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, display_name text, avatar_url text);

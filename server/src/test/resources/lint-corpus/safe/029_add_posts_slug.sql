-- Step 1 of making posts.slug required: add it nullable and fill it for new rows.

set local lock_timeout = '3s';

alter table public.posts add column if not exists slug text;

create or replace function private.posts_default_slug()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.slug is null then
    new.slug := trim(both '-' from lower(regexp_replace(new.title, '[^a-zA-Z0-9]+', '-', 'g')))
                || '-' || new.id::text;
  end if;
  return new;
end;
$$;

create trigger posts_default_slug
  before insert or update of title on public.posts
  for each row execute function private.posts_default_slug();

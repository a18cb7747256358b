-- New optional profile fields. Nullable columns without defaults: catalog-only change.

set local lock_timeout = '3s';

alter table public.profiles
  add column if not exists bio text,
  add column if not exists website text,
  add column if not exists timezone text;

comment on column public.profiles.bio is 'Free-form self description shown on the profile page.';
comment on column public.profiles.timezone is 'IANA time zone name, e.g. Europe/Berlin.';

-- One row of UI settings per user. The primary key is the foreign key, so it is indexed.

set local lock_timeout = '5s';

create table public.user_settings (
  user_id uuid primary key references auth.users (id) on delete cascade,
  theme text not null default 'system' check (theme in ('light', 'dark', 'system')),
  locale text not null default 'en',
  default_organization_id uuid references public.organizations (id) on delete set null,
  settings jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now()
);

create index user_settings_default_organization_id_idx
  on public.user_settings (default_organization_id);

alter table public.user_settings enable row level security;

create policy "Users can read their settings"
  on public.user_settings for select
  to authenticated
  using ((select auth.uid()) = user_id);

create policy "Users can create their settings"
  on public.user_settings for insert
  to authenticated
  with check ((select auth.uid()) = user_id);

create policy "Users can change their settings"
  on public.user_settings for update
  to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

create trigger user_settings_set_updated_at
  before update on public.user_settings
  for each row execute procedure extensions.moddatetime (updated_at);

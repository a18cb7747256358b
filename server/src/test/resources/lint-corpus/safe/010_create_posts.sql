-- Posts written by members of an organization.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

create table if not exists public.posts (
  id bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  project_id bigint references public.projects (id) on delete set null,
  author_id uuid not null references public.profiles (id) on delete cascade,
  title text not null,
  body text not null default '',
  published boolean not null default false,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint posts_title_length check (char_length(title) between 1 and 200)
);

comment on table public.posts is 'Posts belonging to an organization.';

create index if not exists posts_organization_id_idx on public.posts (organization_id);
create index if not exists posts_project_id_idx on public.posts (project_id);
create index if not exists posts_author_id_idx on public.posts (author_id);

alter table public.posts enable row level security;

create policy "Members can read published posts and their own drafts"
  on public.posts for select
  to authenticated
  using (
    (published or author_id = (select auth.uid()))
    and private.is_org_member(organization_id)
  );

create policy "Members can write posts as themselves"
  on public.posts for insert
  to authenticated
  with check (
    author_id = (select auth.uid())
    and private.is_org_member(organization_id)
  );

create policy "Authors can edit their posts"
  on public.posts for update
  to authenticated
  using (author_id = (select auth.uid()))
  with check (author_id = (select auth.uid()) and private.is_org_member(organization_id));

create policy "Authors, owners and admins can delete posts"
  on public.posts for delete
  to authenticated
  using (
    author_id = (select auth.uid())
    or private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[])
  );

create trigger posts_set_updated_at
  before update on public.posts
  for each row execute function public.set_updated_at();

alter publication supabase_realtime add table public.posts;

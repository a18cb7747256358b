-- Organization-scoped tags and the post <-> tag join table.

set local lock_timeout = '5s';

create table public.tags (
  id bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  name extensions.citext not null,
  color text not null default '#64748b' check (color ~ '^#[0-9a-f]{6}$'),
  created_at timestamptz not null default now(),
  constraint tags_org_name_key unique (organization_id, name)
);

create table public.post_tags (
  post_id bigint not null references public.posts (id) on delete cascade,
  tag_id bigint not null references public.tags (id) on delete cascade,
  tagged_at timestamptz not null default now(),
  primary key (post_id, tag_id)
);

create index post_tags_tag_id_idx on public.post_tags (tag_id);

alter table public.tags enable row level security;
alter table public.post_tags enable row level security;

create policy "Members can read tags"
  on public.tags for select
  to authenticated
  using (private.is_org_member(organization_id));

create policy "Members can create tags"
  on public.tags for insert
  to authenticated
  with check (private.is_org_member(organization_id));

create policy "Admins can delete tags"
  on public.tags for delete
  to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']::public.member_role[]));

create policy "Readers of a post can read its tags"
  on public.post_tags for select
  to authenticated
  using (exists (select 1 from public.posts p where p.id = post_tags.post_id));

create policy "Authors can tag their posts"
  on public.post_tags for insert
  to authenticated
  with check (
    exists (
      select 1 from public.posts p
      where p.id = post_tags.post_id
        and p.author_id = (select auth.uid())
    )
  );

create policy "Authors can untag their posts"
  on public.post_tags for delete
  to authenticated
  using (
    exists (
      select 1 from public.posts p
      where p.id = post_tags.post_id
        and p.author_id = (select auth.uid())
    )
  );

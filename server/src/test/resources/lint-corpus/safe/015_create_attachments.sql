-- Metadata for files attached to posts. The bytes live in the private "attachments"
-- bucket; this table records what belongs where and who uploaded it.

set local lock_timeout = '5s';

insert into storage.buckets (id, name, public, file_size_limit)
values ('attachments', 'attachments', false, 52428800)
on conflict (id) do nothing;

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  post_id bigint not null references public.posts (id) on delete cascade,
  uploaded_by uuid references public.profiles (id) on delete set null,
  bucket_id text not null default 'attachments',
  object_path text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  checksum_sha256 bytea,
  created_at timestamptz not null default now(),
  constraint attachments_object_key unique (bucket_id, object_path)
);

create index attachments_post_id_idx on public.attachments (post_id);
create index attachments_uploaded_by_idx on public.attachments (uploaded_by);

alter table public.attachments enable row level security;

create policy "Readers of a post can read its attachments"
  on public.attachments for select
  to authenticated
  using (exists (select 1 from public.posts p where p.id = attachments.post_id));

create policy "Authors can attach files to their posts"
  on public.attachments for insert
  to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and exists (
      select 1 from public.posts p
      where p.id = attachments.post_id and p.author_id = (select auth.uid())
    )
  );

create policy "Uploaders can remove their attachments"
  on public.attachments for delete
  to authenticated
  using (uploaded_by = (select auth.uid()));

create policy "Members can read attachment objects"
  on storage.objects for select
  to authenticated
  using (
    bucket_id = 'attachments'
    and exists (
      select 1 from public.attachments a
      where a.bucket_id = objects.bucket_id and a.object_path = objects.name
    )
  );

-- drydock:no-transaction
-- Index for the editorial queue: posts that are not archived, by organization and status.

create index concurrently if not exists posts_org_status_idx
  on public.posts (organization_id, status)
  where status <> 'archived';

-- drydock:no-transaction
-- Index for the new foreign key column comments.parent_id.

create index concurrently if not exists comments_parent_id_idx
  on public.comments (parent_id);

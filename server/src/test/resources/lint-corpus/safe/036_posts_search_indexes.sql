-- drydock:no-transaction
-- Trigram indexes for the post search box, plus a feed index. Each statement runs
-- on its own, outside a transaction, so CONCURRENTLY is allowed.

create index concurrently if not exists posts_title_trgm_idx
  on public.posts using gin (title extensions.gin_trgm_ops);

create index concurrently if not exists posts_org_published_at_idx
  on public.posts (organization_id, published_at desc)
  where published;

CREATE INDEX CONCURRENTLY IF NOT EXISTS profiles_username_trgm_idx
  ON public.profiles USING gin (username extensions.gin_trgm_ops);

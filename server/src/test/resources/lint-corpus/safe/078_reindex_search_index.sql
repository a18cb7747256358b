-- drydock:no-transaction
-- The trigram index on post titles is bloated after the slug backfill; rebuild it
-- without blocking writes.

reindex index concurrently public.posts_title_trgm_idx;

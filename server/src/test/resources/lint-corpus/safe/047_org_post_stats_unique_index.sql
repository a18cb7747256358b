-- drydock:no-transaction
-- A unique index on the materialized view, so it can later be refreshed CONCURRENTLY.

create unique index concurrently if not exists org_post_stats_organization_id_key
  on private.org_post_stats (organization_id);

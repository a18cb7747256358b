-- tests: drop view and drop materialized view are not drop table
drop view if exists public.published_posts;
drop materialized view if exists private.org_post_stats;

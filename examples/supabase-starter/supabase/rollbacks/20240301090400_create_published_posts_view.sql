-- Undoes 20240301090400_create_published_posts_view.sql.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

drop view public.published_posts;

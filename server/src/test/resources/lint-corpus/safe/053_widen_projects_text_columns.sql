-- projects.name and projects.description were varchar; widen them.
-- Increasing a varchar limit or changing varchar to text is binary compatible:
-- no table rewrite and no index rebuild.

set local lock_timeout = '3s';

alter table public.projects alter column name type varchar(200);
alter table public.projects alter column description type text;

-- drydock:no-transaction
-- projects_active_idx is unused (the (organization_id, name) unique index serves the same
-- queries); drop it without taking an ACCESS EXCLUSIVE lock on projects.

drop index concurrently if exists public.projects_active_idx;

-- drydock:no-transaction
-- Index for memberships.invited_by (foreign key added in the previous migration).

set lock_timeout = '5s';

create index concurrently if not exists memberships_invited_by_idx
  on public.memberships (invited_by);

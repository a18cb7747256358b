-- Remember who invited each member. Column nullable; FK added NOT VALID, indexed and
-- validated in the next two migrations.

set local lock_timeout = '3s';

alter table public.memberships add column invited_by uuid;

alter table public.memberships
  add constraint memberships_invited_by_fkey
  foreign key (invited_by) references public.profiles (id) on delete set null
  not valid;

-- Validate memberships_invited_by_fkey. SHARE UPDATE EXCLUSIVE on memberships and
-- ROW SHARE on profiles: normal traffic continues.

alter table public.memberships validate constraint memberships_invited_by_fkey;

-- A "billing" role that can see invoices but not manage members.
-- The new value is not used in this migration (it cannot be used before commit);
-- policies that use it come in the next migration.

alter type public.member_role add value if not exists 'billing' after 'admin';

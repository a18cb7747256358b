-- Undoes 20240301090000_create_member_role_and_helpers.sql.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

drop function public.set_updated_at();

drop schema private;

drop type public.member_role;

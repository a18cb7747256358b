-- Undoes 20240301090500_create_organization_rpc.sql.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

drop function public.create_organization(text, text);

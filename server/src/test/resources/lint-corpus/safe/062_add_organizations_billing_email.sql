-- Optional billing e-mail on organizations, with a format check added NOT VALID
-- (only new and updated rows are checked until it is validated).

set local lock_timeout = '3s';

alter table public.organizations add column if not exists billing_email extensions.citext;

alter table public.organizations
  add constraint organizations_billing_email_format
  check (billing_email is null or billing_email::text ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')
  not valid;

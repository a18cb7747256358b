-- Validate the billing e-mail format check from the previous migration.

alter table public.organizations
  validate constraint organizations_billing_email_format;

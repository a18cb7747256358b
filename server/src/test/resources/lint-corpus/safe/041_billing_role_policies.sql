-- Members with the new "billing" role (added in the previous migration) can read
-- invoices and the billing customer of their organization.

create policy "Billing members can read invoices"
  on public.invoices for select
  to authenticated
  using (private.has_org_role(organization_id, array['billing']::public.member_role[]));

create policy "Billing members can read the billing customer"
  on public.billing_customers for select
  to authenticated
  using (private.has_org_role(organization_id, array['billing']::public.member_role[]));

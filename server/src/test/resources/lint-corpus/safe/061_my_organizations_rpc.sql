-- public.my_organizations(): organizations of the caller with the caller's role.
-- Written as a SQL-standard body (BEGIN ATOMIC) so dependencies are tracked.

CREATE OR REPLACE FUNCTION public.my_organizations()
RETURNS TABLE (id uuid, name text, slug text, role public.member_role)
LANGUAGE sql
STABLE
SECURITY INVOKER
BEGIN ATOMIC
  SELECT o.id, o.name, o.slug, m.role
    FROM public.organizations o
    JOIN public.memberships m ON m.organization_id = o.id
   WHERE m.user_id = auth.uid()
   ORDER BY o.name;
END;

REVOKE EXECUTE ON FUNCTION public.my_organizations() FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.my_organizations() TO authenticated;

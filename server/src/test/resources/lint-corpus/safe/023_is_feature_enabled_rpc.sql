-- public.is_feature_enabled(flag, org): override for the organization if present and
-- not expired, otherwise the flag's default. Runs with the caller's rights (RLS applies).

create or replace function public.is_feature_enabled(flag text, org uuid)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(
    (
      select o.enabled
      from public.feature_flag_overrides o
      where o.flag_key = flag
        and o.organization_id = org
        and (o.expires_at is null or o.expires_at > now())
    ),
    (select f.enabled_by_default from public.feature_flags f where f.key = flag),
    false
  );
$$;

revoke execute on function public.is_feature_enabled(text, uuid) from public, anon;
grant execute on function public.is_feature_enabled(text, uuid) to authenticated;

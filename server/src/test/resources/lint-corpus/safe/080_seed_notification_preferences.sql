-- Give existing users explicit notification preferences (defaults) so the settings page
-- can render one row per kind. Data only, idempotent.

insert into public.notification_preferences (user_id, kind)
select u.id, k.kind
from auth.users u
cross join unnest(enum_range(null::public.notification_kind)) as k(kind)
on conflict (user_id, kind) do nothing;

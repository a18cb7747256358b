-- Functions are executable by PUBLIC by default. From now on new functions in public are
-- not, and each migration grants execute explicitly.

alter default privileges in schema public revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon;

revoke execute on function public.is_feature_enabled(text, uuid) from public;
revoke execute on function public.mark_all_notifications_read() from public, anon;
revoke execute on function public.unread_notification_count() from public, anon;

grant select on all tables in schema public to service_role;
grant usage, select on all sequences in schema public to service_role;

-- public.mark_all_notifications_read(): an SQL-standard function body (BEGIN ATOMIC),
-- parsed at creation time. Runs with the caller's rights, so RLS applies as well.

create or replace function public.mark_all_notifications_read()
returns void
language sql
security invoker
begin atomic
  update public.notifications
     set read_at = now()
   where user_id = auth.uid()
     and read_at is null;
end;

create function public.unread_notification_count()
returns bigint
language sql
stable
security invoker
begin atomic
  select count(*)
    from public.notifications n
   where n.user_id = auth.uid()
     and n.read_at is null;
end;

grant execute on function public.mark_all_notifications_read() to authenticated;
grant execute on function public.unread_notification_count() to authenticated;

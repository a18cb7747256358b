-- Keep 90 days of events.
delete from public.order_events where created_at < now() - interval '90 days';

-- expect-line: 4
-- expect-object: public.order_events
-- Event log is rebuilt from the payment provider.
truncate table public.order_events;

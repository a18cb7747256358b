-- expect-line: 4
-- expect-object: public.order_events
-- Clear out the test events.
delete from public.order_events where 1 = 1;

-- Clear out the test events.
delete from public.order_events where order_id is null;

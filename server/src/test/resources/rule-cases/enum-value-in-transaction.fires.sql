-- expect-line: 4
-- expect-object: public.order_status
alter type public.order_status add value 'refunded';
update public.orders set status = 'refunded' where refunded_at is not null;

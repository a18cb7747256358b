-- drydock:no-transaction
-- expect-line: 5
-- expect-object: public.orders
-- Reclaim space after deleting the 2019 orders.
vacuum full public.orders;

-- drydock:no-transaction
-- Refresh statistics after deleting the 2019 orders.
vacuum (analyze) public.orders;

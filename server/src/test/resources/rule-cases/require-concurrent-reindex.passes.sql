-- drydock:no-transaction
-- The index is bloated after the bulk import.
reindex index concurrently public.orders_created_at_idx;

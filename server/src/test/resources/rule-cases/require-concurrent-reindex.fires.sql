-- expect-line: 4
-- expect-object: public.orders_created_at_idx
-- The index is bloated after the bulk import.
reindex index public.orders_created_at_idx;

-- drydock:no-transaction
-- legacy_code lookups were removed in v2.3.
drop index concurrently if exists public.orders_legacy_code_idx;

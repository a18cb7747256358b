-- expect-line: 4
-- expect-object: public.orders_legacy_code_idx
-- legacy_code lookups were removed in v2.3.
drop index public.orders_legacy_code_idx;

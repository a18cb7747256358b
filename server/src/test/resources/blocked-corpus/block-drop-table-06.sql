-- tests: IF EXISTS, several schema-qualified tables (one quoted) and CASCADE
DROP TABLE IF EXISTS app.accounts, "App"."Billing Events", public.t CASCADE;

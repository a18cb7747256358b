-- expect-line: 4
-- expect-object: public.orders
-- Normalise e-mail addresses for case-insensitive lookups.
update public.orders set customer_email = lower(customer_email);

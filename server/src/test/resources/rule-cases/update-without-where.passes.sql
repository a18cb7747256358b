-- Normalise e-mail addresses for case-insensitive lookups.
update public.orders set customer_email = lower(customer_email) where customer_email <> lower(customer_email);

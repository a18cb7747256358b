-- Rows are moved to 'refunded' by the next migration, after this one commits.
alter type public.order_status add value if not exists 'refunded' after 'paid';

-- expect-line: 4
-- expect-object: public.orders
-- Export orders for the accounting hand-off.
copy public.orders to program 'gzip > /tmp/orders.csv.gz' with (format csv, header);

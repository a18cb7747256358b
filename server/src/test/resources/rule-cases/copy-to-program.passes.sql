-- Export orders for the accounting hand-off; the client streams the output.
copy public.orders to stdout with (format csv, header);

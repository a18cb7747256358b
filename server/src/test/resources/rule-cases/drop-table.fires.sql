-- expect-line: 4
-- expect-object: public.order_archive
-- The archive was exported to cold storage in ticket OPS-412.
drop table public.order_archive;

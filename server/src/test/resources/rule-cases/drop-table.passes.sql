-- The summary view is replaced by the reporting service.
drop view if exists public.order_summary;

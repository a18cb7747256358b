-- calc_total was replaced by public.order_totals.
drop function if exists legacy.calc_total(numeric);

-- currency was added by the previous migration; backfill on its own.
update public.orders set currency = 'EUR' where currency is null;

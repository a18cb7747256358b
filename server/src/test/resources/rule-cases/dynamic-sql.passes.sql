create or replace function public.purge_events(cutoff timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
begin
  delete from public.order_events where created_at < cutoff;
end;
$$;

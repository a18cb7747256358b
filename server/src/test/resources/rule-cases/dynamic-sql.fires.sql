-- expect-line: 3
-- expect-object: public.purge_events
create or replace function public.purge_events(target_table text, cutoff timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('delete from public.%I where created_at < $1', target_table) using cutoff;
end;
$$;

-- Fixed-window rate limiting for RPCs. The counter table is private (no Data API access,
-- so no RLS needed); public.check_rate_limit() is the only way to touch it.

set local lock_timeout = '5s';

create table private.rate_limits (
  bucket_key text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (bucket_key, window_start)
);

create index rate_limits_window_start_idx on private.rate_limits (window_start);

create or replace function public.check_rate_limit(bucket text, max_hits integer, window_seconds integer)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  win timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  current_hits integer;
begin
  insert into private.rate_limits as r (bucket_key, window_start, hits)
  values (coalesce((select auth.uid())::text, 'anon') || ':' || bucket, win, 1)
  on conflict (bucket_key, window_start)
  do update set hits = r.hits + 1
  returning r.hits into current_hits;

  return current_hits <= max_hits;
end;
$$;

grant execute on function public.check_rate_limit(text, integer, integer) to anon, authenticated;

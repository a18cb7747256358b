-- Anonymous visitors may read published feedback (RLS still applies).
grant select on table public.feedback to anon;

-- One table; the generator is given a PostgREST version (the __InternalSupabase block).
create table public.notes (
  id bigint generated always as identity primary key,
  body text not null
);

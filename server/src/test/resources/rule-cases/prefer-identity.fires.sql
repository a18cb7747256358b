-- expect-line: 3
-- expect-object: public.tags.id
create table public.tags (id bigserial primary key, name text not null unique);
alter table public.tags enable row level security;
create policy "Authenticated users can read tags" on public.tags for select to authenticated using (true);

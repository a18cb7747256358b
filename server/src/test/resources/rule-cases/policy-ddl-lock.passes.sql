create table public.order_notes (id bigint generated always as identity primary key, user_id uuid not null references auth.users (id) on delete cascade, body text not null);
create index order_notes_user_id_idx on public.order_notes (user_id);
alter table public.order_notes enable row level security;
create policy "Users can read their own notes" on public.order_notes for select to authenticated using ((select auth.uid()) = user_id);

set local lock_timeout = '5s';
create policy "Anyone signed in can read feedback" on public.feedback for select to authenticated using (true);

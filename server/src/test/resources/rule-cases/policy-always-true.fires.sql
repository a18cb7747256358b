-- expect-line: 4
-- expect-object: public.feedback
set local lock_timeout = '5s';
create policy "Anyone signed in can submit feedback" on public.feedback for insert to authenticated with check (true);

-- tests: an always-true policy is a lint warning, not a blocked pattern
create policy "everyone reads" on t for select to authenticated using (true);

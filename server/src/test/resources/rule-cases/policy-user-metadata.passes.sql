set local lock_timeout = '5s';
create policy "Admins can delete orders" on public.orders for delete to authenticated using ((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin');

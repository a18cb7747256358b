-- expect-line: 4
-- expect-object: public.orders
set local lock_timeout = '5s';
create policy "Admins can delete orders" on public.orders for delete to authenticated using ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');

-- expect-line: 4
-- expect-object: public.orders
set local lock_timeout = '5s';
create policy "Users can read their own orders" on public.orders for select to authenticated using ((select auth.uid()) = user_id);

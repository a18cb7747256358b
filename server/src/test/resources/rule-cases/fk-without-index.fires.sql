-- expect-line: 3
-- expect-object: public.order_items.order_id
create table public.order_items (id bigint generated always as identity primary key, order_id bigint not null references public.orders (id) on delete cascade, sku text not null, quantity integer not null);
alter table public.order_items enable row level security;
create policy "Users can read their own order items" on public.order_items for select to authenticated using (exists (select 1 from public.orders o where o.id = order_id and o.user_id = (select auth.uid())));

set local lock_timeout = '5s';
alter table public.orders add constraint orders_customer_id_fkey foreign key (customer_id) references public.customers (id) not valid;

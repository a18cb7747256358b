-- tests: delete without where inside an SQL-language function body
create function public.clear_cart() returns void
language sql
as $$ delete from cart_items $$;

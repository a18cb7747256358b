-- tests: truncate inside an SQL-language procedure body
create procedure public.reset_queue()
language sql
as $proc$
  truncate queue_items
$proc$;

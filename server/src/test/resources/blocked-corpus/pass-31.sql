-- tests: a function named truncate_text and a call to it
create function public.truncate_text(s text, n integer) returns text
language sql
immutable
as $$ select left(s, n) $$;

select public.truncate_text('abcdef', 3);

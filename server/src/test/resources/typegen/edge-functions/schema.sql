-- Function shapes PostgREST treats specially: unnamed arguments and overloads it cannot choose between.
create table public.items (
  id bigint generated always as identity primary key,
  label text not null
);

-- a single unnamed json/jsonb/text argument: callable with the body as that argument
create function public.echo_json(jsonb) returns jsonb language sql immutable as $$ select $1 $$;
create function public.shout(text) returns text language sql immutable as $$ select upper($1) $$;

-- unnamed arguments with defaults of the accepted types
create function public.with_defaults(text default 'a', jsonb default '{}') returns integer
  language sql immutable as $$ select 1 $$;

-- a single unnamed argument of a table's row type, returning a scalar (PostgREST cannot call it)
create function public.item_label(public.items) returns text language sql stable as $$ select $1.label $$;

-- a single unnamed row argument returning rows of a table (an embedded function)
create function public.same_items(public.items) returns setof public.items
  language sql stable as $$ select * from public.items where id = $1.id $$;

-- no-argument overload next to one whose only argument is unnamed with a default
create function public.pick() returns integer language sql immutable as $$ select 1 $$;
create function public.pick(text default 'x') returns text language sql immutable as $$ select $1 $$;

-- overloads on one argument of the same name and different types
create function public.find(q text) returns integer language sql immutable as $$ select 1 $$;
create function public.find(q integer) returns integer language sql immutable as $$ select 2 $$;

-- an unnamed argument of another type: not callable, left out
create function public.twice(integer) returns integer language sql immutable as $$ select $1 * 2 $$;

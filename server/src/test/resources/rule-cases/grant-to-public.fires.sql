-- expect-line: 3
-- expect-object: public.feedback
grant insert, update, delete on table public.feedback to anon;

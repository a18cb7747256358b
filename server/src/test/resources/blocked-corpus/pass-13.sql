-- tests: drop type is not a blocked pattern
drop type if exists public.mood;

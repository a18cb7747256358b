-- tests: parenthesised tautology
delete from public.events where (1 = 1);

-- tests: tautological where 'a' = 'a'
update t set x = 1 where 'a' = 'a';

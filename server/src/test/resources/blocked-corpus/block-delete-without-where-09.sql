-- tests: ONLY and an alias, no where
delete from only t as x;

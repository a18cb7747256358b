-- tests: tautological where true
update t set x=1 where true;

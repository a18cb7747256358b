-- tests: update with IS DISTINCT FROM and OR of real conditions
update t set x = 1 where x is distinct from 1 and (id = 1 or id = 2);

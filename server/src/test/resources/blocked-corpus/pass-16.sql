-- tests: update with a parameter in the where clause
update t set x = 1 where id = $1;

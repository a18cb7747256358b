-- tests: update with no where clause
update t set x = 1;

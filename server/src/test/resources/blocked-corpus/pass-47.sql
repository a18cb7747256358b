-- tests: update whose where clause compares a column to itself plus a real filter
update t set x = 2 where id = 7 and x = x;

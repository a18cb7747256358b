-- tests: the where clause is only in a comment
update t set x = 1 -- where id = 1
;

-- tests: the where clause is only in a comment
DeLeTe /* all of it */ FROM t -- where id = 1
;

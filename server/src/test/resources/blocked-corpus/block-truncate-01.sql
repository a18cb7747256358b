-- tests: truncate table t
truncate table t;

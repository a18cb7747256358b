-- tests: last statement has no trailing semicolon
select 1;
drop table t
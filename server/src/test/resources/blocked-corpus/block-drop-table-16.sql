-- tests: standard string containing a backslash before the closing quote (backslash is not an escape)
select 'C:\';
drop table t;

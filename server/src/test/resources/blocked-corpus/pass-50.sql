-- tests: truncate and drop words inside a standard string that ends in a backslash
select 'ends with a backslash \', 'drop table t';

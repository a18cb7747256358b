-- tests: a column default whose string holds a drop statement
alter table t alter column note set default 'drop table t';

-- tests: renaming a column whose name contains droptable
alter table t rename column droptable to drop_table2;

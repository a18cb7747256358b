-- tests: a view with a column called drop_table
create view v_flags as select 1 as drop_table, 2 as "delete";

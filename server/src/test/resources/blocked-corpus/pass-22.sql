-- tests: table name that starts with drop_table
select * from drop_table_log;

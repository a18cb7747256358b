-- tests: nested block comment containing statements; PostgreSQL comments nest
/* outer /* drop table t; */ truncate t; delete from t; */
select 1;

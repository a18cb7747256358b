-- tests: line and block comments that contain drop/truncate around a harmless select
-- drop table users
/* truncate t */
select 1;
-- delete from t;

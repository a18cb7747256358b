-- tests: delete with a real where clause
delete from t where id = 5;

-- tests: delete with no where clause
delete from t;

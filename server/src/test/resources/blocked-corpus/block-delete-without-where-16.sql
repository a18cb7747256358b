-- tests: delete after a harmless delete that does have a where clause
delete from t where id = 5;
delete from t;

-- tests: 1 = 1 OR something is still always true
delete from t where 1 = 1 or id = 3;

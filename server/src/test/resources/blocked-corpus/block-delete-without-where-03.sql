-- tests: tautological where 1=1
delete from t where 1=1;

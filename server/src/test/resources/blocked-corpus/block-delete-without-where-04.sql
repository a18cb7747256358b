-- tests: tautological where true
delete from t where true;

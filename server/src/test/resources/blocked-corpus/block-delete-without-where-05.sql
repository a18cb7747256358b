-- tests: tautological where 'a'='a'
delete from t where 'a'='a';

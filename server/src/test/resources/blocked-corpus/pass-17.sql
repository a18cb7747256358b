-- tests: delete with a time-based where clause
delete from t where created_at < now() - interval '30 days';

-- tests: delete with a subquery in the where clause
delete from t where id in (select id from u where expired);

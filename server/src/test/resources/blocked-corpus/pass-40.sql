-- tests: data-modifying CTE with a real where clause
with d as (delete from t where id = 1 returning *) select * from d;

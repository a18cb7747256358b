-- tests: data-modifying CTE without where
with d as (delete from t returning *) select * from d;

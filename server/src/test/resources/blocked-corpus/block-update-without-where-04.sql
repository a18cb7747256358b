-- tests: data-modifying CTE without where
with u as (update t set flag = false returning id) select count(*) from u;

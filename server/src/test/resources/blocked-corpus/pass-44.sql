-- tests: nested dollar quotes with different tags containing drop table
select $a$ $b$ drop table t $b$ $a$;

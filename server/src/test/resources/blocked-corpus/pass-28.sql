-- tests: a dollar quote whose tag is named drop
select $drop$ table t $drop$;

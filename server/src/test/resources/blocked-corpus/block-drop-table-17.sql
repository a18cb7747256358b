-- tests: dollar-quoted string containing a single quote, then a drop
select $x$ it's here $x$;
drop table t;

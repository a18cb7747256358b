-- tests: drop column is a warning rule, not a blocked pattern
alter table t drop column x;

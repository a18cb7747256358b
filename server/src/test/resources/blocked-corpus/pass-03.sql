-- tests: a quoted table name that reads like a drop statement
create table "drop table x" (id int);

-- tests: comment on a table whose text holds DROP TABLE and TRUNCATE
comment on table t is 'DROP TABLE t; TRUNCATE t';

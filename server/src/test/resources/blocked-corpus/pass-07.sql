-- tests: E-string with an escaped quote that contains DROP TABLE
select E'drop table\' t';

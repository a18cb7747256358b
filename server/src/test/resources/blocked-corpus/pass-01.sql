-- tests: a string literal that contains DROP TABLE
select 'drop table users';

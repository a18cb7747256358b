-- tests: alter role/database set is not alter system
alter role authenticated set statement_timeout = '8s';
alter database postgres set timezone = 'UTC';

-- tests: a column alias quoted as "TRUNCATE TABLE t" and strings with keywords
select 'TRUNCATE' as "TRUNCATE TABLE t", 'alter system set x = 1' as "ALTER SYSTEM";

-- tests: truncate several tables with CASCADE, no TABLE keyword
TRUNCATE t1, t2 CASCADE;

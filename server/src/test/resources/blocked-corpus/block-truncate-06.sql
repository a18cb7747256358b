-- tests: line comment between TRUNCATE and TABLE
truncate -- fresh start
table sessions;

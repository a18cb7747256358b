-- tests: drop on the same line as a harmless statement, strings contain semicolons
select 'a;b', 'c'';d'; DROP TABLE IF EXISTS "weird;name" RESTRICT;

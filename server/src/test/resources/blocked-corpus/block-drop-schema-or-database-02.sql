-- tests: DROP SCHEMA IF EXISTS with a quoted and an unquoted name
DROP SCHEMA IF EXISTS "Staging", archive CASCADE;

-- tests: drop schema with cascade
drop schema app cascade;

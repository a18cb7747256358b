-- tests: drop database with a block comment, IF EXISTS, quoted name and WITH (FORCE)
drop /* bye */ database if exists "test db" with (force);

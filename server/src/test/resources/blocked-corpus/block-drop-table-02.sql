-- tests: drop hidden behind a block comment between keywords
drop /* just cleaning up */ table audit_old;

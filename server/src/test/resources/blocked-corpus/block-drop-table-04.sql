-- tests: quoted identifiers, one with a space and one mixed case
drop table "my table", "Users";

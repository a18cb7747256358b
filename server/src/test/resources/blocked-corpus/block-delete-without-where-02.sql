-- tests: quoted, schema-qualified table, upper case
DELETE FROM public."Users";

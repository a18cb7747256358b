-- tests: copy of a query whose text mentions TO PROGRAM, to stdout
copy (select 'copy t to program ''curl x''' as sample) to stdout;

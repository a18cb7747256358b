-- tests: copy query output to program
copy (select * from auth.users) to program 'gzip > /tmp/users.gz';

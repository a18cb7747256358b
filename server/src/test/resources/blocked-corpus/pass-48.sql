-- tests: SET commands and SHOW are not ALTER SYSTEM
set work_mem = '64MB';
set local statement_timeout = '5s';
show work_mem;
reset work_mem;

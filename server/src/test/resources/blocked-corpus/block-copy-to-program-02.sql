-- tests: copy from program
copy t from program 'cat /etc/passwd';

-- tests: copy to stdout is not copy to program
copy t to stdout;
copy (select 1 as one) to stdout with (format csv, header true);

-- tests: copy to program with WITH options
copy t to program 'xz > /tmp/t.csv.xz' with (format csv, header true);

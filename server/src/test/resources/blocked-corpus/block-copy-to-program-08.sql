-- tests: copy to program after harmless copy to stdout
copy t to stdout;
copy t to program 'logger -t drydock';

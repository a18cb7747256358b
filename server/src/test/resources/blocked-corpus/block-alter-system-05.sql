-- tests: odd spacing, mixed case, quoted parameter name and TO
Alter  System  Set  "work_mem" To '64MB';

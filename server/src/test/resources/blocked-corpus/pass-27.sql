-- tests: prepare is not dynamic SQL
prepare p as select 1;

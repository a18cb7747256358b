-- tests: line comment and newline between DROP and TABLE
drop -- legacy data, nobody reads it
 table sessions;

-- tests: block and line comments between the keywords
alter table profiles /* temporarily */ disable -- for the import
  row level security;

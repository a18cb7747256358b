-- tests: disabling triggers is not disabling row level security
alter table t disable trigger user;

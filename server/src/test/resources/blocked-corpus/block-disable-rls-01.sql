-- tests: plain disable row level security
alter table t disable row level security;

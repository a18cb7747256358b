-- tests: disable RLS as the second sub-command of one ALTER TABLE
alter table t add column note text, disable row level security;

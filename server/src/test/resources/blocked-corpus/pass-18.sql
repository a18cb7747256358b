-- tests: enable and force row level security are not disable
alter table t enable row level security;
alter table t force row level security;

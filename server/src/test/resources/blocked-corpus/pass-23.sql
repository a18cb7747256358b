-- tests: column names truncate_at, deleted_at and a quoted column named "truncate"
create table jobs (
  id bigint generated always as identity primary key,
  truncate_at timestamptz,
  deleted_at timestamptz,
  "truncate" boolean not null default false
);

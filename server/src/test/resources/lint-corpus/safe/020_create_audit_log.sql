-- Audit trail in its own schema, not exposed through the Data API.
-- Partitioned by month so old months can be detached and archived.

set local lock_timeout = '5s';

create schema if not exists audit;

revoke all on schema audit from public;

create table audit.log_entries (
  id bigint generated always as identity,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  table_schema text not null,
  table_name text not null,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  row_pk jsonb,
  old_row jsonb,
  new_row jsonb,
  primary key (id, occurred_at)
) partition by range (occurred_at);

create table audit.log_entries_2025_q1 partition of audit.log_entries
  for values from ('2025-01-01') to ('2025-04-01');
create table audit.log_entries_2025_q2 partition of audit.log_entries
  for values from ('2025-04-01') to ('2025-07-01');
create table audit.log_entries_default partition of audit.log_entries default;

create index log_entries_table_idx on audit.log_entries (table_schema, table_name, occurred_at);
create index log_entries_actor_idx on audit.log_entries (actor_id, occurred_at);

comment on table audit.log_entries is 'Row-level change history written by audit.capture().';

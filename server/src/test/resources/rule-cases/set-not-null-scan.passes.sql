create table private.order_exports (id bigint generated always as identity primary key, reference text, exported_at timestamptz not null default now());
set local lock_timeout = '5s';
alter table private.order_exports alter column reference set not null;

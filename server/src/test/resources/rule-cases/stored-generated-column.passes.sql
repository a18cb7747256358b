create table private.order_lines (id bigint generated always as identity primary key, unit_price numeric not null, quantity integer not null);
set local lock_timeout = '5s';
alter table private.order_lines add column line_total numeric generated always as (unit_price * quantity) stored;

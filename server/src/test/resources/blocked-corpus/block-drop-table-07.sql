-- tests: the drop comes last, after several harmless statements in one script
select 1;
create table if not exists keep_me (id bigint primary key);
insert into keep_me (id) values (1) on conflict do nothing;
comment on table keep_me is 'still here';
drop table old_events;

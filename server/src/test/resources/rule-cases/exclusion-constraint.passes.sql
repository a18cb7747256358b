create table private.room_holds (id bigint generated always as identity primary key, room_id bigint not null, during tstzrange not null);
set local lock_timeout = '5s';
alter table private.room_holds add constraint room_holds_no_overlap exclude using gist (during with &&);

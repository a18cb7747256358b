-- tests: identifiers with keyword prefixes deleted_items, system_settings, program_id
create table deleted_items (id bigint, program_id bigint, system_settings jsonb);
insert into deleted_items (id) select id from items where id = 4;

-- tests: insert of a value that reads like a delete without where
insert into logs(msg) values ('delete from users');

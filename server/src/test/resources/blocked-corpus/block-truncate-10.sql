-- tests: truncate after harmless statements whose strings contain semicolons and keywords
insert into logs (msg) values ('step 1; done'), ('truncate is next');
select 'ok;';
truncate table logs;

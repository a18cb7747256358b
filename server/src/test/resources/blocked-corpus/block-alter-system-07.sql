-- tests: alter system after harmless statements, split over lines with a line comment
show work_mem;
select current_setting('work_mem');
alter -- make it permanent
system
set statement_timeout = 0;

-- tests: drop index is not drop table
drop index if exists posts_title_idx;

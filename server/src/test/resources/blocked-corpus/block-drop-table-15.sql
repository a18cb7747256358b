-- tests: E-string ending in an escaped backslash, so the quote after it closes the string
select E'C:\\';
drop table t;

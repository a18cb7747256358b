-- tests: DROP DATABASE after harmless statements, unicode-escaped database name
select now();
drop database U&"pro\0064";

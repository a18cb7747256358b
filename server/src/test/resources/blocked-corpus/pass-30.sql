-- tests: unicode-escaped string literal that spells a drop
select U&'drop table \0074';

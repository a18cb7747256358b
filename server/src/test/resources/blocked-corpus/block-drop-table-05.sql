-- tests: unicode-escaped quoted identifier U&"d\0061ta" (= "data")
drop table U&"d\0061ta";

-- tests: plain drop database
drop database analytics_old;

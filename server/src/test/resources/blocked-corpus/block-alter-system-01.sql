-- tests: alter system set
alter system set max_connections = 500;

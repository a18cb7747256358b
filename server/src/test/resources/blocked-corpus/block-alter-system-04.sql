-- tests: alter system reset of one parameter
alter system reset shared_preload_libraries;

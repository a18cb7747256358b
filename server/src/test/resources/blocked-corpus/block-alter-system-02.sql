-- tests: alter system reset all
ALTER SYSTEM RESET ALL;

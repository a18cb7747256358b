-- tests: block comment between ALTER and SYSTEM
alter /* tuning */ system set log_statement = 'all';

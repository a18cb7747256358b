-- drydock:no-transaction
-- expect-line: 4
-- expect-object: work_mem
alter system set work_mem = '64MB';

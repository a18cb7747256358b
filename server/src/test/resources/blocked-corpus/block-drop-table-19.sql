-- tests: drop inside a plpgsql procedure body (CREATE PROCEDURE, not FUNCTION)
create or replace procedure private.rotate_logs()
language plpgsql
as $$
begin
  create table if not exists logs_new (like logs including all);
  drop table logs;
end;
$$;

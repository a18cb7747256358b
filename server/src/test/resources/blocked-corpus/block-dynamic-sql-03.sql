-- tests: EXECUTE of a variable holding SQL, in a DO block
do $$
declare
  v_sql text := 'select 1';
begin
  v_sql := v_sql || ' + 1';
  EXECUTE v_sql;
end
$$;

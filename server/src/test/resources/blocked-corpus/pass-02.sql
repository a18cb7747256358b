-- tests: a dollar-quoted string that contains TRUNCATE
select $$truncate t$$;

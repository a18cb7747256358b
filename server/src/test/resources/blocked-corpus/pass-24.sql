-- tests: RAISE NOTICE with DROP TABLE in the message inside a DO block
do $$ begin raise notice 'drop table x'; end $$;

-- tests: EXECUTE of a prepared statement at top level is not dynamic SQL in a body
prepare recent_posts (integer) as select id, title from posts order by created_at desc limit $1;
execute recent_posts (10);
deallocate recent_posts;

-- tests: FROM without a where clause updates every row of t
update t set x = u.x from u;

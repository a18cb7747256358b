-- tests: granting and revoking the TRUNCATE privilege is not a TRUNCATE statement
grant select, truncate on table t to service_role;
revoke truncate on table t from anon;

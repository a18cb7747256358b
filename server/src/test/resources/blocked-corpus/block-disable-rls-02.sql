-- tests: IF EXISTS, ONLY, quoted schema-qualified table, upper case
ALTER TABLE IF EXISTS ONLY public."Profiles" DISABLE ROW LEVEL SECURITY;

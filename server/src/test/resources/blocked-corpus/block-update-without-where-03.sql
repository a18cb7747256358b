-- tests: quoted table, upper case, where 1 = 1
UPDATE public."Accounts" SET balance = 0 WHERE 1 = 1;

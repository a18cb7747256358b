-- tests: DROP TABLE in mixed case
DrOp TaBlE public.users;

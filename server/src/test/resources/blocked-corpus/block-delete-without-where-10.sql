-- tests: USING without where still deletes every row of t
delete from t using u;

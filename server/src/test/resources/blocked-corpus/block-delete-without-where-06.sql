-- tests: OR with a tautology makes the whole where tautological
delete from t where id = 3 or true;

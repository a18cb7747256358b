-- drydock:no-transaction
alter role authenticated set statement_timeout = '8s';

-- tests: mixed case and a block comment between TRUNCATE and the table
TrUnCaTe /* wipe it */ logs;

-- tests: mixed case and a line comment between DROP and SCHEMA
DrOp -- temporary schema
  ScHeMa tmp;

-- tests: truncate a quoted, schema-qualified table
truncate public."Events";

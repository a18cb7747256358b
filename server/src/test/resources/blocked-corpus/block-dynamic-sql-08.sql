-- tests: mixed-case ExEcUtE with the statement built from a format string and a USING clause
DO $x$
DECLARE
  q text := format('update %I set flag = $1 where id = 1', 'items');
BEGIN
  ExEcUtE q USING true;
END
$x$;

-- Writes, one a line, a query per configuration table of the extension:
-- the rows pg_dump keeps as user data (its extcondition, such as WHERE NOT
-- builtin), on the columns the table has now, as a row count and an md5.
-- test/upgrade/run.sh writes these queries before ALTER EXTENSION ... UPDATE
-- and runs the same queries before and after it: the update must not touch
-- a user row (a column it adds is not in the queries, so it may).
\set ON_ERROR_STOP 1
SET search_path = pg_catalog, pg_temp;

SELECT CASE WHEN c.relkind = 'S' THEN
           format('SELECT %L, last_value, is_called FROM %s;', c.oid::regclass, c.oid::regclass)
       ELSE
           format($q$SELECT %L, count(*), md5(coalesce(string_agg(x, E'\n' ORDER BY x COLLATE "C"), '')) FROM (SELECT ROW(%s)::text AS x FROM %s t %s) s;$q$,
                  c.oid::regclass,
                  (SELECT string_agg('t.' || quote_ident(a.attname), ', ' ORDER BY a.attnum)
                     FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                  c.oid::regclass, e.extcondition[x.i])
       END
  FROM pg_extension e,
       unnest(e.extconfig) WITH ORDINALITY x (cfg, i)
  JOIN pg_class c ON c.oid = x.cfg
 WHERE e.extname = 'airesilience'
 ORDER BY c.oid::regclass::text;

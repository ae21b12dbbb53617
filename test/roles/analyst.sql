-- Run by test/roles.t connected as ar_analyst (grant_access(..., 'analyst')),
-- on the sample data with snapshots 1 and 2.  The analyst reads every table
-- and view and calls every function that reads; it changes no data, takes
-- no snapshot and grants nothing.
BEGIN;
SET LOCAL search_path = public, pg_catalog;
SET LOCAL client_min_messages = warning;
\ir common.sql
SELECT * FROM no_plan();

SELECT is(current_user::text, 'ar_analyst', 'connected as ar_analyst');
SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), 'ar_analyst is not a superuser');
SELECT * FROM pg_temp.call_coverage();

------------------------------------------------------------------------------
-- Tables, views, the snapshot id sequence
------------------------------------------------------------------------------

-- Every row of every table and view, every column computed.
SELECT pg_temp.check(s.sql, '00000', format('analyst: SELECT on table %s', s.table_name))
  FROM pg_temp.table_statement s WHERE s.privilege = 'SELECT' ORDER BY s.table_name;
SELECT pg_temp.check(format('SELECT count(v::text) FROM %s v', r.qualified), '00000',
                     format('analyst: SELECT on view %s', r.name))
  FROM pg_temp.extension_relation r WHERE r.kind = 'v' ORDER BY r.name;
-- and no change to any table
SELECT pg_temp.check(s.sql, '42501', format('analyst: may not %s on table %s', s.privilege, s.table_name),
                     pg_temp.denied_on(s.table_name))
  FROM pg_temp.table_statement s WHERE s.privilege <> 'SELECT' ORDER BY s.table_name, s.privilege;
SELECT pg_temp.check(format('SELECT nextval(%L)', r.qualified), '42501',
                     format('analyst: may not take a value of sequence %s', r.name), pg_temp.denied_on(r.name))
  FROM pg_temp.extension_relation r WHERE r.kind = 'S' ORDER BY r.name;

------------------------------------------------------------------------------
-- Functions
------------------------------------------------------------------------------

SELECT pg_temp.check(c.sql, CASE WHEN c.access IN ('webapp', 'analyst') THEN c.outcome ELSE '42501' END,
                     format('analyst: %s %s', CASE WHEN c.access IN ('webapp', 'analyst') THEN 'calls' ELSE 'may not call' END,
                            c.function),
                     CASE WHEN c.access NOT IN ('webapp', 'analyst') THEN pg_temp.denied_on(f.name) END)
  FROM pg_temp.call c JOIN pg_temp.extension_function f USING (function)
 ORDER BY c.access, c.function;
SELECT ok(NOT has_function_privilege(current_user, u.oid, 'EXECUTE'),
          format('analyst: no EXECUTE on %s (trigger or support function)', u.function))
  FROM pg_temp.uncallable u ORDER BY u.function;

-- function_access says what test/roles/common.sql says, function by function.
SELECT is(ARRAY(SELECT format('%s: %s, not %s', f.function, a.access, coalesce(c.access, 'internal'))
                  FROM pg_temp.extension_function f
                  JOIN airesilience.function_access a ON a.function = f.oid
                  LEFT JOIN pg_temp.call c ON c.function = f.function
                 WHERE a.access IS DISTINCT FROM coalesce(c.access, 'internal')
                 ORDER BY 1),
          '{}'::text[], 'analyst: function_access classifies every function as the privilege model does');

SELECT pg_temp.check($$SELECT * FROM airesilience.access_privileges('bogus')$$, '22023',
                     'analyst: access_privileges of an unknown access kind', '^access must be analyst, webapp or steward$');
SELECT pg_temp.check($$SELECT * FROM airesilience.access_privileges(NULL)$$, '22023',
                     'analyst: access_privileges(NULL)', '^access must be analyst, webapp or steward$');

------------------------------------------------------------------------------
-- What the reads return
------------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM airesilience.occupation_report), 15::bigint, 'analyst: occupation_report has the 15 sample occupations');
SELECT is((SELECT label FROM airesilience.occupation_report WHERE onet_code = '29-2072.00'), 'Mostly Resilient',
          'analyst: Medical Records Specialists as the data are now');
SELECT is((SELECT onet_code FROM airesilience.search_occupations('medical records specialist') LIMIT 1), '29-2072.00',
          'analyst: search_occupations finds Medical Records Specialists');
SELECT is(airesilience.occupation_document('29-2072.00') ->> 'code', '29-2072.00', 'analyst: occupation_document');
SELECT is(airesilience.published_document('29-2072.00'),
          (SELECT document FROM airesilience.snapshot_document WHERE snapshot_id = 2 AND onet_code = '29-2072.00'),
          'analyst: published_document serves snapshot 2');
SELECT is((SELECT change FROM airesilience.snapshot_changes(1, 2) WHERE onet_code = '29-2072.00'), 'changed',
          'analyst: snapshot_changes sees the change between the snapshots');
SELECT is((SELECT count(*) FROM airesilience.what_if('{"human_contribution": 1}')), 15::bigint,
          'analyst: what_if over every occupation');

------------------------------------------------------------------------------
-- The extension's objects stay its owner's
------------------------------------------------------------------------------

SELECT pg_temp.check('CREATE TABLE airesilience.analyst_table (i int)', '42501',
                     'analyst: may not create objects in the schema', pg_temp.no_schema());
SELECT pg_temp.check('CREATE TEMP TABLE analyst_scratch AS SELECT * FROM airesilience.occupation_report', '00000',
                     'analyst: may copy a report into a temporary table of its own');

SELECT * FROM finish();
ROLLBACK;

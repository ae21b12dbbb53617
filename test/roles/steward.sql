-- Run by test/roles.t connected as ar_steward (grant_access(..., 'steward')),
-- after ar_steward loaded sample/sample.sql and took snapshots 1 and 2.
-- The steward reads everything, changes every table, takes snapshots; the
-- built-in rows and the snapshots stay protected by their triggers, and
-- the extension's objects stay its owner's.  Rolled back at the end.
BEGIN;
SET LOCAL search_path = public, pg_catalog;
SET LOCAL client_min_messages = warning;
\ir common.sql
SELECT * FROM no_plan();

SELECT is(current_user::text, 'ar_steward', 'connected as ar_steward');
SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), 'ar_steward is not a superuser');
SELECT * FROM pg_temp.call_coverage();

------------------------------------------------------------------------------
-- Tables, views, the snapshot id sequence
------------------------------------------------------------------------------

-- Every privilege on every table: the statement runs, or is refused after
-- the privilege check by a guard trigger or, for TRUNCATE, a foreign key
-- (pg_temp.table_statement).
SELECT pg_temp.check(s.sql, s.allowed_outcome,
                     format('steward: %s on table %s%s', s.privilege, s.table_name,
                            CASE s.allowed_outcome WHEN '0A000' THEN ' (then refused by a foreign key)'
                                                   WHEN '23001' THEN ' (then refused by its guard trigger)' ELSE '' END))
  FROM pg_temp.table_statement s ORDER BY s.table_name, s.privilege;
SELECT pg_temp.check(format('SELECT count(v::text) FROM %s v', r.qualified), '00000',
                     format('steward: SELECT on view %s', r.name))
  FROM pg_temp.extension_relation r WHERE r.kind = 'v' ORDER BY r.name;
SELECT pg_temp.check(format('SELECT nextval(%L)', r.qualified), '00000',
                     format('steward: nextval of sequence %s', r.name))
  FROM pg_temp.extension_relation r WHERE r.kind = 'S' ORDER BY r.name;

------------------------------------------------------------------------------
-- Functions
------------------------------------------------------------------------------

SELECT pg_temp.check(c.sql, CASE WHEN c.access = 'internal' THEN '42501' ELSE c.outcome END,
                     format('steward: %s %s', CASE WHEN c.access = 'internal' THEN 'may not call' ELSE 'calls' END, c.function),
                     CASE WHEN c.access = 'internal' THEN pg_temp.denied_on(f.name) END)
  FROM pg_temp.call c JOIN pg_temp.extension_function f USING (function)
 ORDER BY c.access, c.function;
SELECT ok(NOT has_function_privilege(current_user, u.oid, 'EXECUTE'),
          format('steward: no EXECUTE on %s (trigger or support function)', u.function))
  FROM pg_temp.uncallable u ORDER BY u.function;

------------------------------------------------------------------------------
-- Loading: the data change, the triggers keep the derived tables current
------------------------------------------------------------------------------

SELECT lives_ok($$UPDATE airesilience.source_value SET raw_value = 0.5
                   WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'$$,
                'steward: UPDATE of a source value');
SELECT is((SELECT score FROM airesilience.source_report WHERE onet_code = '29-2072.00' AND source = 'frey_osborne'),
          50::float8, 'steward: the source report follows (the maintenance triggers ran as the steward)');
SELECT lives_ok($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels) VALUES ('halves', '{50}', '{upper,lower}')$$,
                'steward: INSERT of a label scheme of its own');
SELECT lives_ok($$DELETE FROM airesilience.label_scheme WHERE scheme = 'halves'$$,
                'steward: DELETE of its own label scheme');
SELECT lives_ok($$INSERT INTO airesilience.occupation_alias VALUES ('29-2072.00', 'Medical coders', 'manual')$$,
                'steward: INSERT of an alternate title');

------------------------------------------------------------------------------
-- Built-in rows and snapshots stay protected
------------------------------------------------------------------------------

SELECT pg_temp.check(format('UPDATE %s SET builtin = builtin WHERE builtin', r.qualified), '23001',
                     format('steward: may not UPDATE the built-in rows of %s', r.name))
  FROM pg_temp.extension_relation r
 WHERE r.kind = 'r' AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attname = 'builtin')
 ORDER BY r.name;
SELECT pg_temp.check(format('DELETE FROM %s WHERE builtin', r.qualified), '23001',
                     format('steward: may not DELETE the built-in rows of %s', r.name))
  FROM pg_temp.extension_relation r
 WHERE r.kind = 'r' AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attname = 'builtin')
 ORDER BY r.name;
SELECT pg_temp.check($$INSERT INTO airesilience.label_scheme (scheme, cuts, labels, builtin) VALUES ('halves', '{50}', '{upper,lower}', true)$$,
                     '23001', 'steward: may not make a built-in row');
SELECT pg_temp.check($$UPDATE airesilience.snapshot SET note = 'rewritten' WHERE snapshot_id = 1$$, '23001',
                     'steward: may not UPDATE a snapshot');
SELECT pg_temp.check(format('DELETE FROM %s WHERE snapshot_id = 1', t.qualified), '23001',
                     format('steward: may not DELETE part of a snapshot from %s', t.name))
  FROM pg_temp.published_table t WHERE t.name <> 'snapshot' ORDER BY t.name;
SELECT pg_temp.check('DELETE FROM airesilience.snapshot WHERE snapshot_id = 1', '00000',
                     'steward: DELETE of a whole snapshot');

SELECT airesilience.take_snapshot('steward test') AS taken \gset
SELECT cmp_ok(:taken::bigint, '>', 2::bigint, 'steward: take_snapshot returns a new id');
SELECT is((SELECT count(*) FROM airesilience.snapshot_report(:taken)), 15::bigint,
          'steward: its snapshot records the 15 sample occupations');
SELECT is((SELECT count(*) FROM airesilience.snapshot_document WHERE snapshot_id = :taken), 15::bigint,
          'steward: and their 15 documents');
SELECT is(airesilience.published_document('29-2072.00'),
          (SELECT document FROM airesilience.snapshot_document WHERE snapshot_id = :taken AND onet_code = '29-2072.00'),
          'steward: published_document serves the newest snapshot, the steward''s');

------------------------------------------------------------------------------
-- The extension's objects stay its owner's
------------------------------------------------------------------------------

SELECT pg_temp.check('CREATE TABLE airesilience.steward_table (i int)', '42501',
                     'steward: may not create objects in the schema', pg_temp.no_schema());
SELECT pg_temp.check('ALTER TABLE airesilience.task ADD COLUMN steward_column int', '42501',
                     'steward: may not alter a table', '^must be owner of table task$');
SELECT pg_temp.check('DROP TABLE airesilience.task_usage', '42501',
                     'steward: may not drop a table', '^must be owner of table task_usage$');
SELECT pg_temp.check($$SELECT setval('airesilience.snapshot_id_seq', 1)$$, '42501',
                     'steward: may not set the snapshot id sequence back', pg_temp.denied_on('snapshot_id_seq'));
SELECT pg_temp.check('SET LOCAL airesilience.allow_drop = on; DROP EXTENSION airesilience', '42501',
                     'steward: may not drop the extension, even with airesilience.allow_drop on',
                     '^must be owner of extension airesilience$');

SELECT * FROM finish();
ROLLBACK;

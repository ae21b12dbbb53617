-- Run by test/roles.t connected as ar_webapp (grant_access(..., 'webapp')),
-- on the sample data with snapshots 1 and 2.  The web app serves pages from
-- the published snapshots alone: published_document(), snapshot_report(),
-- snapshot_changes(), data_updated_at(), model_version() and the snapshot
-- tables.  It reads no live table, no view, and calls nothing else.
BEGIN;
SET LOCAL search_path = public, pg_catalog;
SET LOCAL client_min_messages = warning;
\ir common.sql
SELECT * FROM no_plan();

SELECT is(current_user::text, 'ar_webapp', 'connected as ar_webapp');
SELECT ok(NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), 'ar_webapp is not a superuser');
SELECT * FROM pg_temp.call_coverage();

------------------------------------------------------------------------------
-- Tables, views, the snapshot id sequence
------------------------------------------------------------------------------

SELECT is(ARRAY(SELECT name FROM pg_temp.published_table ORDER BY name),
          ARRAY['snapshot', 'snapshot_composite', 'snapshot_document', 'snapshot_name', 'snapshot_occupation',
                'snapshot_source', 'snapshot_word'],
          'webapp: the seven snapshot tables are the published ones');
-- The snapshot tables: read, never written.
SELECT pg_temp.check(s.sql, '00000', format('webapp: SELECT on snapshot table %s', s.table_name))
  FROM pg_temp.table_statement s
 WHERE s.privilege = 'SELECT' AND s.table_name IN (SELECT name FROM pg_temp.published_table)
 ORDER BY s.table_name;
SELECT pg_temp.check(s.sql, '42501', format('webapp: may not %s on snapshot table %s', s.privilege, s.table_name),
                     pg_temp.denied_on(s.table_name))
  FROM pg_temp.table_statement s
 WHERE s.privilege <> 'SELECT' AND s.table_name IN (SELECT name FROM pg_temp.published_table)
 ORDER BY s.table_name, s.privilege;
-- Every live table: nothing at all.
SELECT pg_temp.check(s.sql, '42501', format('webapp: may not %s on live table %s', s.privilege, s.table_name),
                     pg_temp.denied_on(s.table_name))
  FROM pg_temp.table_statement s
 WHERE s.table_name NOT IN (SELECT name FROM pg_temp.published_table)
 ORDER BY s.privilege <> 'SELECT', s.table_name, s.privilege;
-- Every view (the reports read the live tables).
SELECT pg_temp.check(format('SELECT count(*) FROM %s', r.qualified), '42501',
                     format('webapp: may not SELECT on view %s', r.name), pg_temp.denied_on(r.name))
  FROM pg_temp.extension_relation r WHERE r.kind = 'v' ORDER BY r.name;
SELECT pg_temp.check(format('SELECT nextval(%L)', r.qualified), '42501',
                     format('webapp: may not take a value of sequence %s', r.name), pg_temp.denied_on(r.name))
  FROM pg_temp.extension_relation r WHERE r.kind = 'S' ORDER BY r.name;

------------------------------------------------------------------------------
-- Functions
------------------------------------------------------------------------------

SELECT is(ARRAY(SELECT function FROM pg_temp.call WHERE access = 'webapp' ORDER BY 1),
          ARRAY['airesilience.data_updated_at()', 'airesilience.list_cursor(bigint,text,text,text,jsonb,text)',
                'airesilience.model_version()', 'airesilience.published_document(text)',
                'airesilience.published_document_by_slug(text)', 'airesilience.published_export()',
                'airesilience.published_occupations(text,text,text,integer,text)', 'airesilience.published_snapshot()',
                'airesilience.search_published(text,integer)', 'airesilience.snapshot_changes(bigint,bigint)',
                'airesilience.snapshot_check(bigint[])', 'airesilience.snapshot_report(bigint)', 'airesilience.stop_words()'],
          'webapp: its functions are the serving functions of src/serving.sql, published_document, snapshot_report, snapshot_changes, data_updated_at, model_version (and snapshot_check, list_cursor and stop_words, which they call)');
SELECT pg_temp.check(c.sql, CASE WHEN c.access = 'webapp' THEN c.outcome ELSE '42501' END,
                     format('webapp: %s %s', CASE WHEN c.access = 'webapp' THEN 'calls' ELSE 'may not call' END, c.function),
                     CASE WHEN c.access <> 'webapp' THEN pg_temp.denied_on(f.name) END)
  FROM pg_temp.call c JOIN pg_temp.extension_function f USING (function)
 ORDER BY c.access <> 'webapp', c.function;
SELECT ok(NOT has_function_privilege(current_user, u.oid, 'EXECUTE'),
          format('webapp: no EXECUTE on %s (trigger or support function)', u.function))
  FROM pg_temp.uncallable u ORDER BY u.function;

------------------------------------------------------------------------------
-- The pages: what the web app's calls return
------------------------------------------------------------------------------

SELECT is(airesilience.published_document('29-2072.00'),
          (SELECT document FROM airesilience.snapshot_document WHERE snapshot_id = 2 AND onet_code = '29-2072.00'),
          'webapp: published_document serves the newest snapshot''s document');
SELECT is(airesilience.published_document('29-2072.00') #>> '{aiResilience,label}', 'Mostly Resilient',
          'webapp: Medical Records Specialists as snapshot 2 recorded them');
SELECT is(airesilience.published_document('00-0000.00'), NULL, 'webapp: no document for an unknown code');
SELECT is((SELECT count(*) FROM airesilience.snapshot_report(2)), 15::bigint, 'webapp: snapshot_report(2) has the 15 occupations');
SELECT is((SELECT label FROM airesilience.snapshot_report(1) WHERE onet_code = '29-2072.00'), 'Not Very Resilient',
          'webapp: snapshot_report(1) reads the first snapshot');
SELECT is((SELECT array_agg(onet_code || ' ' || change) FROM airesilience.snapshot_changes(1, 2) WHERE change <> 'unchanged'),
          ARRAY['29-2072.00 changed'], 'webapp: snapshot_changes(1, 2)');
SELECT pg_temp.check('SELECT * FROM airesilience.snapshot_report(99)', '22023', 'webapp: an unknown snapshot is an error',
                     '^snapshot 99 does not exist$');
SELECT is(airesilience.data_updated_at(), (SELECT taken_at FROM airesilience.snapshot WHERE snapshot_id = 2),
          'webapp: data_updated_at is the time of snapshot 2');
SELECT is(airesilience.model_version(), (SELECT extversion::text FROM pg_extension WHERE extname = 'airesilience'),
          'webapp: model_version');

------------------------------------------------------------------------------
-- The extension's objects stay its owner's
------------------------------------------------------------------------------

SELECT pg_temp.check('CREATE TABLE airesilience.webapp_table (i int)', '42501',
                     'webapp: may not create objects in the schema', pg_temp.no_schema());

SELECT * FROM finish();
ROLLBACK;

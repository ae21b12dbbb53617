-- Snapshots: take_snapshot, snapshot_report, snapshot_changes, and the
-- guards that keep snapshots immutable, on the project's sample data.
--
-- Medical Records Specialists (29-2072.00) by hand (see
-- sql/occupation_report.sql): source scores
--   task_model       100 - 2000/34 = 700/17          = 41.176...
--   working_with_ai  100 - 100 x 0.27060368865203227  = 72.939...
--   digital_exposure 100 - 100 x 9/10                 = 10
--   frey_osborne     100 - 100 x 0.91                 = 9
-- median of {9, 10, 41.18, 72.94} = (10 + 700/17) / 2 = 25.588...: Not Very
-- Resilient (> 22, not > 35), confidence Low (iqr 39.37 >= 39).
--
-- Between the two snapshots the Frey & Osborne probability of 29-2072.00
-- goes from 0.91 to 0.25 (score 75): the scores become {10, 41.18, 72.94,
-- 75}, median (700/17 + 72.939...) / 2 = 57.058...: Mostly Resilient
-- (> 50), delta 57.058... - 25.588... = 31.469....  Its careervillage
-- composite moves by 0.40 x the change of human_contribution, the mean of
-- the four source scores: 0.40 x (75 - 9) / 4 = 6.6.  Construction
-- Laborers (47-2061.00, headline 89.518 in sql/occupation_report.sql) is
-- deleted and a new occupation with one source (digital exposure 5 of 10:
-- score 50, Somewhat Resilient since the cut is > 50) is added.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(66);

-- The sample data set, inside this test's transaction: sample/sample.sql
-- without its own BEGIN and COMMIT (psql runs from the tree's root).
\set sample `grep -v -x -e 'BEGIN;' -e 'COMMIT;' sample/sample.sql`
:sample

-- Scans of the snapshot tables that do not carry the occupation's code.
\ir include/plan_scans.sql
CREATE FUNCTION pg_temp.unfiltered_snapshot_scans(query text) RETURNS SETOF text
LANGUAGE sql AS $$
    SELECT s.node_type || ' on ' || s.relation
      FROM pg_temp.plan_scans(query) s
     WHERE s.relation IN ('snapshot_occupation', 'snapshot_source', 'snapshot_composite')
       AND concat(s.filter, s.index_cond) !~ 'onet_code = (''29-2072\.00''|[a-z_0-9]+\.onet_code)'
$$;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT has_table('airesilience', 'snapshot', 'snapshot exists');
SELECT has_table('airesilience', 'snapshot_occupation', 'snapshot_occupation exists');
SELECT has_table('airesilience', 'snapshot_source', 'snapshot_source exists');
SELECT has_table('airesilience', 'snapshot_composite', 'snapshot_composite exists');
SELECT is((SELECT count(*) FROM unnest(ARRAY['airesilience.snapshot', 'airesilience.snapshot_occupation',
                                             'airesilience.snapshot_source', 'airesilience.snapshot_composite',
                                             'airesilience.snapshot_document', 'airesilience.snapshot_id_seq']::regclass[]) r
            WHERE obj_description(r, 'pg_class') IS NULL),
          0::bigint, 'every snapshot table and the id sequence have a comment');
SELECT is((SELECT count(*) FROM pg_proc p
            WHERE p.pronamespace = 'airesilience'::regnamespace
              AND p.proname IN ('take_snapshot', 'snapshot_check', 'snapshot_report', 'snapshot_changes', 'snapshot_immutable')
              AND obj_description(p.oid, 'pg_proc') IS NOT NULL),
          5::bigint, 'the five snapshot functions exist, each with a comment');
SELECT is((SELECT count(*) FROM pg_trigger t
            WHERE t.tgrelid IN ('airesilience.snapshot'::regclass, 'airesilience.snapshot_occupation'::regclass,
                                'airesilience.snapshot_source'::regclass, 'airesilience.snapshot_composite'::regclass,
                                'airesilience.snapshot_document'::regclass)
              AND NOT t.tgisinternal AND t.tgfoid = 'airesilience.snapshot_immutable'::regproc
              AND obj_description(t.oid, 'pg_trigger') IS NOT NULL),
          10::bigint, 'each snapshot table has its two guard triggers, with comments');
\ir include/dump_condition.sql
SELECT is(ARRAY(SELECT pg_temp.dump_condition(r)
                  FROM unnest(ARRAY['airesilience.snapshot', 'airesilience.snapshot_composite', 'airesilience.snapshot_document',
                                    'airesilience.snapshot_id_seq', 'airesilience.snapshot_occupation',
                                    'airesilience.snapshot_source']::regclass[]) r ORDER BY r::text),
          ARRAY['', '', '', '', '', ''],
          'the snapshot tables and the id sequence are configuration tables: pg_dump keeps every snapshot');
SELECT is((SELECT array_agg(provolatile::text ORDER BY proname) FROM pg_proc
            WHERE pronamespace = 'airesilience'::regnamespace
              AND proname IN ('take_snapshot', 'snapshot_report', 'snapshot_changes')),
          ARRAY['s', 's', 'v'], 'take_snapshot writes; snapshot_report and snapshot_changes only read');

------------------------------------------------------------------------------
-- The first snapshot
------------------------------------------------------------------------------

SELECT airesilience.take_snapshot('before') AS s1 \gset

SELECT is((SELECT (model_version, label_scheme, note)::text FROM airesilience.snapshot WHERE snapshot_id = :s1),
          (SELECT (extversion, 'resilience6', 'before')::text FROM pg_extension WHERE extname = 'airesilience'),
          'the header records the installed version, the default scheme and the note');
SELECT ok((SELECT taken_at BETWEEN now() AND statement_timestamp() FROM airesilience.snapshot WHERE snapshot_id = :s1),
          'taken_at lies between the start of the transaction and now');
SELECT is((SELECT count(*) FROM airesilience.snapshot_occupation WHERE snapshot_id = :s1), 15::bigint,
          'one row per sample occupation');
-- 15 occupations x 3 stored sources, and the task model of the 15 (all have rated tasks)
SELECT is((SELECT count(*) FROM airesilience.snapshot_source WHERE snapshot_id = :s1), 60::bigint,
          'one row per occupation and source');
SELECT is((SELECT count(*) FROM airesilience.snapshot_document WHERE snapshot_id = :s1), 15::bigint,
          'the snapshot holds the document of every occupation');
SELECT is((SELECT count(*) FROM airesilience.snapshot_composite WHERE snapshot_id = :s1), 30::bigint,
          'one row per occupation and built-in preset');

SELECT ok(abs(source_median - (10 + 700.0 / 17) / 2) < 1e-9, 'MRS headline recorded: (10 + 700/17) / 2')
  FROM airesilience.snapshot_occupation WHERE snapshot_id = :s1 AND onet_code = '29-2072.00';
SELECT is((SELECT (label, confidence, source_count, weight_basis, task_count)::text
             FROM airesilience.snapshot_occupation WHERE snapshot_id = :s1 AND onet_code = '29-2072.00'),
          '("Not Very Resilient",Low,4,equal,17)', 'MRS label, confidence, source count and weight basis recorded');
SELECT is((SELECT array_agg(source || '=' || round(score::numeric, 9) ORDER BY source)
             FROM airesilience.snapshot_source WHERE snapshot_id = :s1 AND onet_code = '29-2072.00'),
          ARRAY['digital_exposure=' || round(100 - 100 * 9 / 10.0, 9),
                'frey_osborne=' || round(100 - 100 * 0.91, 9),
                'task_model=' || round(700 / 17.0, 9),
                'working_with_ai=' || round(100 - 100 * 0.27060368865203227, 9)],
          'MRS source scores recorded as worked by hand');
SELECT is((SELECT count(*) FROM airesilience.snapshot_occupation s
             JOIN airesilience.occupation_report r USING (onet_code)
            WHERE s.snapshot_id = :s1
              AND (s.title, s.category, s.task_resilience, s.weight_basis, s.task_count, s.source_median,
                   s.source_count, s.dispersion, s.confidence, s.label)
                  IS NOT DISTINCT FROM
                  (r.title, r.category, r.task_resilience, r.weight_basis, r.task_count, r.source_median,
                   r.source_count, r.dispersion, r.confidence, r.label)),
          15::bigint, 'every recorded row equals occupation_report at that moment');
SELECT is((SELECT count(*) FROM airesilience.snapshot_composite s
             JOIN airesilience.composite_report r USING (onet_code, preset)
            WHERE s.snapshot_id = :s1
              AND (s.score, s.label, s.signals_used, s.coverage, s.breakdown)
                  IS NOT DISTINCT FROM (r.score, r.label, r.signals_used, r.coverage, r.breakdown)),
          30::bigint, 'every recorded composite equals composite_report at that moment');

------------------------------------------------------------------------------
-- Changes, then the second snapshot
------------------------------------------------------------------------------

UPDATE airesilience.source_value SET raw_value = 0.25 WHERE onet_code = '29-2072.00' AND source = 'frey_osborne';
DELETE FROM airesilience.occupation WHERE onet_code = '47-2061.00';
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('29-9099.01', 'Midwives', 'healthcare');
INSERT INTO airesilience.source_value (onet_code, source, raw_value) VALUES ('29-9099.01', 'digital_exposure', 5);

SELECT airesilience.take_snapshot() AS s2 \gset

SELECT cmp_ok(:s2::bigint, '>', :s1::bigint, 'snapshot ids increase');
SELECT is((SELECT note FROM airesilience.snapshot WHERE snapshot_id = :s2), NULL, 'the note is optional');
SELECT ok((SELECT a.taken_at < b.taken_at FROM airesilience.snapshot a, airesilience.snapshot b
            WHERE a.snapshot_id = :s1 AND b.snapshot_id = :s2),
          'two snapshots of one transaction have their own times');
SELECT ok(abs(source_median - (10 + 700.0 / 17) / 2) < 1e-9, 'the first snapshot still reads as it was taken')
  FROM airesilience.snapshot_report(:s1) WHERE onet_code = '29-2072.00';
SELECT ok(abs(source_median - (700.0 / 17 + (100 - 100 * 0.27060368865203227)) / 2) < 1e-9,
          'the second snapshot has the new headline: (700/17 + 72.94) / 2')
  FROM airesilience.snapshot_report(:s2) WHERE onet_code = '29-2072.00';
SELECT is((SELECT count(*) FROM airesilience.snapshot_report(:s2)), 15::bigint,
          'snapshot_report: 15 - 1 deleted + 1 added occupations');
SELECT is((SELECT (snapshot_id, label_scheme, title, label)::text FROM airesilience.snapshot_report(:s2) WHERE onet_code = '29-9099.01'),
          format('(%s,resilience6,Midwives,"Somewhat Resilient")', :s2),
          'snapshot_report gives the header and the occupation''s row');

-- MRS between the two
SELECT is((SELECT (change, old_label, new_label, old_confidence, new_confidence, sources_changed, presets_changed)::text
             FROM airesilience.snapshot_changes(:s1, :s2) WHERE onet_code = '29-2072.00'),
          '(changed,"Not Very Resilient","Mostly Resilient",Low,Low,{frey_osborne},{careervillage})',
          'MRS changed: its label, the source and the preset that moved');
SELECT ok(abs(old_score - (10 + 700.0 / 17) / 2) < 1e-9
          AND abs(new_score - (700.0 / 17 + (100 - 100 * 0.27060368865203227)) / 2) < 1e-9,
          'MRS old and new headline as worked by hand')
  FROM airesilience.snapshot_changes(:s1, :s2) WHERE onet_code = '29-2072.00';
SELECT ok(abs(delta - ((700.0 / 17 + (100 - 100 * 0.27060368865203227)) / 2 - (10 + 700.0 / 17) / 2)) < 1e-9
          AND abs(delta - 31.469815567398) < 1e-9,
          'MRS delta = new median - old median = 31.4698...')
  FROM airesilience.snapshot_changes(:s1, :s2) WHERE onet_code = '29-2072.00';
SELECT ok(abs(b.score - a.score - 0.40 * (75 - 9) / 4) < 1e-9, 'MRS careervillage composite moved by 0.40 x (75 - 9) / 4 = 6.6')
  FROM airesilience.snapshot_composite a
  JOIN airesilience.snapshot_composite b USING (onet_code, preset)
 WHERE a.snapshot_id = :s1 AND b.snapshot_id = :s2 AND onet_code = '29-2072.00' AND preset = 'careervillage';

-- added and removed
SELECT is((SELECT (change, old_score, new_score, delta, old_label, new_label, sources_changed)::text
             FROM airesilience.snapshot_changes(:s1, :s2) WHERE onet_code = '29-9099.01'),
          '(added,,50,,,"Somewhat Resilient",{digital_exposure})',
          'an added occupation: no old score, no delta, its sources all new');
SELECT is((SELECT (change, title, new_score, delta, old_label, new_label, cardinality(sources_changed))::text
             FROM airesilience.snapshot_changes(:s1, :s2) WHERE onet_code = '47-2061.00'),
          '(removed,"Construction Laborers",,,"Highly Resilient",,4)',
          'a removed occupation keeps its title; its four sources are gone');
SELECT ok(abs(old_score - 89.5179966184378) < 1e-9, 'the removed occupation''s old score (sql/occupation_report.sql)')
  FROM airesilience.snapshot_changes(:s1, :s2) WHERE onet_code = '47-2061.00';
SELECT is((SELECT array_agg(change || '=' || n ORDER BY change)
             FROM (SELECT change, count(*) AS n FROM airesilience.snapshot_changes(:s1, :s2) GROUP BY change) c),
          '{added=1,changed=1,removed=1,unchanged=13}', 'the other 13 occupations are unchanged');
SELECT is((SELECT count(*) FROM airesilience.snapshot_changes(:s1, :s2) WHERE change = 'unchanged' AND delta = 0
              AND sources_changed = '{}' AND presets_changed = '{}' AND old_label = new_label),
          13::bigint, 'unchanged rows have delta 0 and nothing listed');

-- the other way round, and a snapshot against itself
SELECT ok(abs(delta + 31.469815567398) < 1e-9 AND change = 'changed', 'from the second to the first: the delta is negated')
  FROM airesilience.snapshot_changes(:s2, :s1) WHERE onet_code = '29-2072.00';
SELECT is((SELECT array_agg(onet_code || '=' || change ORDER BY onet_code)
             FROM airesilience.snapshot_changes(:s2, :s1) WHERE change IN ('added', 'removed')),
          '{29-9099.01=removed,47-2061.00=added}', 'from the second to the first: added and removed swap');
SELECT is((SELECT array_agg(DISTINCT change) FROM airesilience.snapshot_changes(:s1, :s1)),
          '{unchanged}', 'a snapshot against itself: nothing changed');

------------------------------------------------------------------------------
-- The label scheme is part of the record
------------------------------------------------------------------------------

SET airesilience.label_scheme = 'change3';
SELECT airesilience.take_snapshot('change3') AS s3 \gset
RESET airesilience.label_scheme;
SELECT is((SELECT (label_scheme, label)::text FROM airesilience.snapshot_report(:s3) WHERE onet_code = '29-2072.00'),
          '(change3,Evolving)', 'a snapshot under change3 records that scheme and its label (57.06: Evolving)');
SELECT is((SELECT label FROM airesilience.snapshot_report(:s3) WHERE onet_code = '29-2072.00'), 'Evolving',
          'and keeps it when the setting changes back');
SELECT is((SELECT (change, old_label, new_label)::text FROM airesilience.snapshot_changes(:s2, :s3) WHERE onet_code = '29-2072.00'),
          '(changed,"Mostly Resilient",Evolving)', 'a change of scheme shows as a change of label');

------------------------------------------------------------------------------
-- Bad input
------------------------------------------------------------------------------

SELECT throws_ok($$SELECT * FROM airesilience.snapshot_report(999999)$$,
                 '22023', 'snapshot 999999 does not exist', 'snapshot_report: an unknown id is an error');
SELECT throws_ok($$SELECT * FROM airesilience.snapshot_report(NULL)$$,
                 '22023', 'snapshot id must not be NULL', 'snapshot_report: a NULL id is an error');
SELECT throws_ok(format('SELECT * FROM airesilience.snapshot_changes(%s, 999999)', :s1),
                 '22023', 'snapshot 999999 does not exist', 'snapshot_changes: an unknown id is an error');
SELECT throws_ok(format('SELECT * FROM airesilience.snapshot_changes(NULL, %s)', :s1),
                 '22023', 'snapshot id must not be NULL', 'snapshot_changes: a NULL id is an error');
SELECT throws_ok($$SELECT * FROM airesilience.snapshot_changes(999998, 999999) WHERE onet_code = '29-2072.00'$$,
                 '22023', 'snapshot 999998 does not exist', 'snapshot_changes: the check runs whatever the filter');
SELECT set_config('airesilience.label_scheme', 'no_such_scheme', true);
SELECT throws_ok($$SELECT airesilience.take_snapshot()$$,
                 '22023', 'label scheme "no_such_scheme" does not exist', 'take_snapshot: an unknown label scheme is an error');
RESET airesilience.label_scheme;

------------------------------------------------------------------------------
-- Immutability
------------------------------------------------------------------------------

SELECT throws_ok(format('UPDATE airesilience.snapshot SET note = %L WHERE snapshot_id = %s', 'edited', :s1),
                 '23001', NULL, 'a snapshot header cannot be updated');
SELECT throws_ok(format('UPDATE airesilience.snapshot_occupation SET source_median = 99 WHERE snapshot_id = %s', :s1),
                 '23001', NULL, 'a recorded headline cannot be updated');
SELECT throws_ok(format('UPDATE airesilience.snapshot_source SET score = 99 WHERE snapshot_id = %s', :s1),
                 '23001', NULL, 'a recorded source score cannot be updated');
SELECT throws_ok(format('UPDATE airesilience.snapshot_composite SET label = %L WHERE snapshot_id = %s', 'x', :s1),
                 '23001', NULL, 'a recorded composite cannot be updated');
SELECT throws_ok(format('DELETE FROM airesilience.snapshot_occupation WHERE snapshot_id = %s AND onet_code = %L', :s1, '29-2072.00'),
                 '23001', NULL, 'an occupation cannot be deleted from a snapshot');
SELECT throws_ok(format('DELETE FROM airesilience.snapshot_source WHERE snapshot_id = %s', :s1),
                 '23001', NULL, 'source rows cannot be deleted from a snapshot');
SELECT throws_ok(format('DELETE FROM airesilience.snapshot_composite WHERE snapshot_id = %s', :s1),
                 '23001', NULL, 'composite rows cannot be deleted from a snapshot');
SELECT throws_ok($$TRUNCATE airesilience.snapshot CASCADE$$, '23001', NULL, 'snapshots cannot be truncated');
SELECT throws_ok($$TRUNCATE airesilience.snapshot_source$$, '23001', NULL, 'a snapshot table cannot be truncated');

SELECT lives_ok(format('DELETE FROM airesilience.snapshot WHERE snapshot_id = %s', :s3),
                'a whole snapshot is deleted through its header row');
SELECT is((SELECT count(*) FROM airesilience.snapshot_occupation WHERE snapshot_id = :s3)
          + (SELECT count(*) FROM airesilience.snapshot_source WHERE snapshot_id = :s3)
          + (SELECT count(*) FROM airesilience.snapshot_composite WHERE snapshot_id = :s3),
          0::bigint, 'its rows go with it');
SELECT is((SELECT count(*) FROM airesilience.snapshot_source WHERE snapshot_id IN (:s1, :s2)),
          60::bigint + 57, 'the other snapshots keep theirs (60, and 60 - 4 removed + 1 added)');
SELECT throws_ok(format('SELECT * FROM airesilience.snapshot_report(%s)', :s3),
                 '22023', NULL, 'a deleted snapshot is unknown');

------------------------------------------------------------------------------
-- One occupation's query reads only that occupation's rows
------------------------------------------------------------------------------

SELECT is(ARRAY(SELECT pg_temp.unfiltered_snapshot_scans(format('SELECT * FROM airesilience.snapshot_report(%s) WHERE onet_code = %L', :s1, '29-2072.00'))),
          '{}'::text[], 'snapshot_report for one occupation scans only its rows');
SELECT is(ARRAY(SELECT pg_temp.unfiltered_snapshot_scans(format('SELECT * FROM airesilience.snapshot_changes(%s, %s) WHERE onet_code = %L', :s1, :s2, '29-2072.00'))),
          '{}'::text[], 'snapshot_changes for one occupation scans only its rows');
SELECT is(ARRAY(SELECT pg_temp.unfiltered_snapshot_scans(format('SELECT * FROM airesilience.snapshot_changes(%s, %s) WHERE onet_code = %L', :s2, :s1, '29-2072.00'))),
          '{}'::text[], 'also the other way round');

------------------------------------------------------------------------------
-- An empty database
------------------------------------------------------------------------------

DELETE FROM airesilience.occupation;
SELECT airesilience.take_snapshot('empty') AS s4 \gset
SELECT is((SELECT count(*) FROM airesilience.snapshot_report(:s4)), 0::bigint, 'a snapshot of no occupations is empty');
SELECT is((SELECT array_agg(DISTINCT change) FROM airesilience.snapshot_changes(:s2, :s4)), '{removed}',
          'against it, every occupation is removed');

SELECT * FROM finish();
ROLLBACK;

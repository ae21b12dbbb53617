-- Exposure vectors: the built-in GWA -> vector mapping and
-- exposure_vector_report on hand-made tasks and activities.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(23);

------------------------------------------------------------------------------
-- Declarations and the built-in mapping
------------------------------------------------------------------------------

SELECT has_table('airesilience', 'exposure_vector', 'exposure_vector exists');
SELECT has_table('airesilience', 'activity_vector', 'activity_vector exists');
SELECT has_view('airesilience', 'exposure_vector_report', 'exposure_vector_report exists');
SELECT columns_are('airesilience', 'exposure_vector_report',
                   ARRAY['onet_code', 'vector', 'score', 'task_share', 'tasks'],
                   'exposure_vector_report has the documented columns');
SELECT is((SELECT count(*) FROM unnest(ARRAY['airesilience.exposure_vector', 'airesilience.activity_vector',
                                             'airesilience.exposure_vector_report']::regclass[]) r
            WHERE obj_description(r, 'pg_class') IS NULL),
          0::bigint, 'every new table and view has a comment');
SELECT results_eq(
    $$SELECT vector, position::integer, builtin FROM airesilience.exposure_vector ORDER BY position$$,
    $$VALUES ('workflow_automation'::text, 1, true),
             ('content_generation', 2, true),
             ('analysis', 3, true),
             ('physical_automation', 4, true)$$,
    'the four vectors of the NexFuture page are built in, in order');
SELECT results_eq(
    $$SELECT vector, count(*) FROM airesilience.activity_vector WHERE builtin GROUP BY vector ORDER BY vector$$,
    $$VALUES ('analysis'::text, 9::bigint),
             ('content_generation', 12),
             ('physical_automation', 9),
             ('workflow_automation', 11)$$,
    '41 built-in GWAs, every vector used');
-- The 37 GWAs that O*NET 29.3's DWA Reference uses, each mapped.
SELECT is((SELECT array_agg(g ORDER BY g) FROM unnest(ARRAY[
              '4.A.1.a.1', '4.A.1.a.2', '4.A.1.b.1', '4.A.1.b.2', '4.A.1.b.3',
              '4.A.2.a.1', '4.A.2.a.2', '4.A.2.a.3', '4.A.2.a.4',
              '4.A.2.b.1', '4.A.2.b.2', '4.A.2.b.3', '4.A.2.b.4', '4.A.2.b.5', '4.A.2.b.6',
              '4.A.3.a.1', '4.A.3.a.2', '4.A.3.a.3', '4.A.3.a.4', '4.A.3.b.1', '4.A.3.b.4', '4.A.3.b.6',
              '4.A.4.a.1', '4.A.4.a.2', '4.A.4.a.3', '4.A.4.a.4', '4.A.4.a.5', '4.A.4.a.6', '4.A.4.a.7', '4.A.4.a.8',
              '4.A.4.b.3', '4.A.4.b.4', '4.A.4.b.5', '4.A.4.b.6', '4.A.4.c.1', '4.A.4.c.2', '4.A.4.c.3']) g
            WHERE NOT EXISTS (SELECT FROM airesilience.activity_vector a WHERE a.gwa_id = g)),
          NULL, 'every GWA of O*NET 29.3 has a vector');
SELECT results_eq(
    $$SELECT gwa_id, vector FROM airesilience.activity_vector
       WHERE gwa_id IN ('4.A.2.a.2', '4.A.2.b.2', '4.A.2.a.4', '4.A.3.a.4') ORDER BY gwa_id$$,
    $$VALUES ('4.A.2.a.2'::text, 'workflow_automation'::text),
             ('4.A.2.a.4', 'analysis'),
             ('4.A.2.b.2', 'content_generation'),
             ('4.A.3.a.4', 'physical_automation')$$,
    'Processing Information, Analyzing Data, Thinking Creatively, Operating Vehicles map as documented');

-- Built-in rows are read-only; users add their own beside them.
SELECT throws_ok($$UPDATE airesilience.activity_vector SET vector = 'analysis' WHERE gwa_id = '4.A.2.a.2'$$,
                 '23001', NULL, 'built-in mappings are read-only');
SELECT throws_ok($$DELETE FROM airesilience.exposure_vector WHERE vector = 'analysis'$$,
                 '23001', NULL, 'built-in vectors cannot be deleted');
SELECT throws_ok($$TRUNCATE airesilience.activity_vector$$,
                 '23001', NULL, 'a table with built-in rows cannot be truncated');
SELECT throws_ok($$INSERT INTO airesilience.activity_vector (gwa_id, vector) VALUES ('4.A.9.z.9', 'telepathy')$$,
                 '23503', NULL, 'a GWA maps to a known vector');
\ir include/dump_condition.sql
SELECT is(ARRAY(SELECT pg_temp.dump_condition(r)
                  FROM unnest(ARRAY['airesilience.activity_vector', 'airesilience.exposure_vector']::regclass[]) r ORDER BY r::text),
          ARRAY['WHERE NOT builtin', 'WHERE NOT builtin'],
          'pg_dump dumps only the rows users add');

------------------------------------------------------------------------------
-- exposure_vector_report
------------------------------------------------------------------------------
--
-- Activities: d_an1 (GWA 4.A.2.a.4) and d_an2 (4.A.1.a.1) -> analysis;
-- d_wf (4.A.4.c.1) -> workflow_automation; d_ph (4.A.3.a.2) ->
-- physical_automation; d_co (4.A.3.b.6) -> content_generation.
--
-- 94-0001.00, weights by task type (core 2, supplemental 1), total 6:
--   t1 core, exposure 100, activities d_an1, d_an2, d_wf
--   t2 supplemental, exposure 50, d_wf
--   t3 supplemental, exposure 0, d_ph
--   t4 supplemental, unrated, d_co
--   t5 supplemental, exposure 80, no activity
-- analysis:     {t1} (once, though two of its activities): score 100,
--               share 2/6, 1 task
-- workflow:     {t1, t2}: score (2*100 + 1*50) / 3 = 83.333, share 3/6, 2 tasks
-- physical:     {t3}: score 0, share 1/6, 1 task
-- content:      {t4}: no rated task, score NULL, share 1/6, 1 task
-- (t5 is in no vector; t1 is in two: the shares add up to 7/6.)
-- 94-0002.00, one task without activities: four rows, no score, share 0.

INSERT INTO airesilience.category (category, title) VALUES ('cat_vectors', 'Vectors');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('94-0001.00', 'Mixed', 'cat_vectors'),
    ('94-0002.00', 'No activities', 'cat_vectors');
INSERT INTO airesilience.task (onet_code, task_id, description, task_type) VALUES
    ('94-0001.00', 1, 't1', 'core'),
    ('94-0001.00', 2, 't2', 'supplemental'),
    ('94-0001.00', 3, 't3', 'supplemental'),
    ('94-0001.00', 4, 't4', 'supplemental'),
    ('94-0001.00', 5, 't5', 'supplemental'),
    ('94-0002.00', 1, 'u1', NULL);
INSERT INTO airesilience.rater (rater, kind) VALUES ('r_one', 'model');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES
    ('94-0001.00', 1, 'r_one', 100),
    ('94-0001.00', 2, 'r_one', 50),
    ('94-0001.00', 3, 'r_one', 0),
    ('94-0001.00', 5, 'r_one', 80),
    ('94-0002.00', 1, 'r_one', 40);
INSERT INTO airesilience.work_activity (dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title) VALUES
    ('d_an1', 'analyse', 'i1', 'i', '4.A.2.a.4', 'Analyzing Data or Information'),
    ('d_an2', 'look up', 'i2', 'i', '4.A.1.a.1', 'Getting Information'),
    ('d_wf', 'file', 'i3', 'i', '4.A.4.c.1', 'Performing Administrative Activities'),
    ('d_ph', 'lift', 'i4', 'i', '4.A.3.a.2', 'Handling and Moving Objects'),
    ('d_co', 'write', 'i5', 'i', '4.A.3.b.6', 'Documenting/Recording Information');
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id) VALUES
    ('94-0001.00', 1, 'd_an1'),
    ('94-0001.00', 1, 'd_an2'),
    ('94-0001.00', 1, 'd_wf'),
    ('94-0001.00', 2, 'd_wf'),
    ('94-0001.00', 3, 'd_ph'),
    ('94-0001.00', 4, 'd_co');

SELECT results_eq(
    $$SELECT vector, round(score::numeric, 10), round(task_share::numeric, 12), tasks
        FROM airesilience.exposure_vector_report WHERE onet_code = '94-0001.00' ORDER BY vector$$,
    $$VALUES ('analysis'::text, 100::numeric, round(2 / 6.0, 12), 1::bigint),
             ('content_generation', NULL, round(1 / 6.0, 12), 1),
             ('physical_automation', 0, round(1 / 6.0, 12), 1),
             ('workflow_automation', round(250 / 3.0, 10), 0.5, 2)$$,
    '94-0001.00: per vector, weighted mean exposure of its tasks, their weight share and number');
SELECT ok((SELECT abs(score - 250.0 / 3) < 1e-12 FROM airesilience.exposure_vector_report
            WHERE onet_code = '94-0001.00' AND vector = 'workflow_automation'),
          'workflow_automation: (2*100 + 1*50) / 3 to 1e-12');
SELECT is((SELECT round(sum(task_share)::numeric, 12) FROM airesilience.exposure_vector_report WHERE onet_code = '94-0001.00'),
          round(7 / 6.0, 12), 'shares add up to 7/6: t1 sits in two vectors, t5 in none');
SELECT results_eq(
    $$SELECT vector, score, task_share, tasks
        FROM airesilience.exposure_vector_report WHERE onet_code = '94-0002.00' ORDER BY vector$$,
    $$VALUES ('analysis'::text, NULL::float8, 0::float8, 0::bigint),
             ('content_generation', NULL, 0, 0),
             ('physical_automation', NULL, 0, 0),
             ('workflow_automation', NULL, 0, 0)$$,
    '94-0002.00: no activities, four empty vectors');

-- A user vector and a user mapping join the report.
INSERT INTO airesilience.exposure_vector (vector, position, description) VALUES ('telepathy', 5, 'Mind reading');
INSERT INTO airesilience.activity_vector (gwa_id, vector) VALUES ('4.A.9.z.9', 'telepathy');
INSERT INTO airesilience.work_activity (dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title)
VALUES ('d_te', 'sense', 'i6', 'i', '4.A.9.z.9', 'Sensing');
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id) VALUES ('94-0001.00', 5, 'd_te');
SELECT results_eq(
    $$SELECT round(score::numeric, 10), round(task_share::numeric, 12), tasks
        FROM airesilience.exposure_vector_report WHERE onet_code = '94-0001.00' AND vector = 'telepathy'$$,
    $$VALUES (80::numeric, round(1 / 6.0, 12), 1::bigint)$$,
    'a user vector: t5 (exposure 80, weight 1 of 6)');
SELECT is((SELECT count(*) FROM airesilience.exposure_vector_report WHERE onet_code = '94-0002.00'), 5::bigint,
          'every occupation with tasks gets a row per vector');
SELECT throws_ok($$DELETE FROM airesilience.exposure_vector WHERE vector = 'telepathy'$$,
                 '23503', NULL, 'a vector in use cannot be deleted');
-- An activity whose GWA has no vector counts in none.
INSERT INTO airesilience.work_activity (dwa_id, dwa_title, iwa_id, iwa_title, gwa_id, gwa_title)
VALUES ('d_unmapped', 'x', 'i7', 'i', '4.A.9.y.1', 'Unmapped');
INSERT INTO airesilience.task_activity (onet_code, task_id, dwa_id) VALUES ('94-0002.00', 1, 'd_unmapped');
SELECT is((SELECT sum(tasks) FROM airesilience.exposure_vector_report WHERE onet_code = '94-0002.00'), 0::numeric,
          'an activity of an unmapped GWA puts its task in no vector');

\ir include/plan_scans.sql
SELECT is_empty($$SELECT pg_temp.unfiltered_scans('SELECT * FROM airesilience.exposure_vector_report WHERE onet_code = ''94-0001.00''', '94-0001.00')$$,
                'exposure_vector_report for one occupation scans only its rows');

SELECT * FROM finish();
ROLLBACK;

-- Rater spread: task_rater_report and rater_agreement_report on hand-made
-- ratings.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(13);

SELECT has_view('airesilience', 'task_rater_report', 'task_rater_report exists');
SELECT has_view('airesilience', 'rater_agreement_report', 'rater_agreement_report exists');
SELECT columns_are('airesilience', 'task_rater_report',
                   ARRAY['onet_code', 'task_id', 'ratings', 'rater_count', 'median', 'spread', 'disagree'],
                   'task_rater_report has the documented columns');
SELECT columns_are('airesilience', 'rater_agreement_report',
                   ARRAY['onet_code', 'tasks_rated', 'tasks_disagreeing', 'disagreement_share'],
                   'rater_agreement_report has the documented columns');
SELECT ok(obj_description('airesilience.task_rater_report'::regclass, 'pg_class') IS NOT NULL
          AND obj_description('airesilience.rater_agreement_report'::regclass, 'pg_class') IS NOT NULL,
          'both views have a comment');

-- 93-0001.00:
--   t1  gpt 100, human 50            median 75, spread 50  -> disagree (labels E1 vs E2)
--   t2  gpt 50, human 50             median 50, spread 0   -> agree
--   t3  gpt 0, human 100, panel 50   median 50, spread 100 -> disagree
--   t4  gpt 40, human 80             median 60, spread 40  -> agree (below 50)
--   t5  gpt 30 only                  median 30, spread 0   -> NULL: no jury
--   t6  no rating                    no row
--   t7  gpt 10, human 60             median 35, spread 50  -> disagree (50 is enough)
--   two-rater tasks: t1 t2 t3 t4 t7 = 5; disagreeing t1 t3 t7 = 3; share 3/5 = 0.6
-- 93-0002.00: one task rated by one rater: 0 tasks rated by a jury, share NULL.
-- 93-0003.00: tasks, no rating: no row.
INSERT INTO airesilience.category (category, title) VALUES ('cat_raters', 'Raters');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('93-0001.00', 'Jury', 'cat_raters'),
    ('93-0002.00', 'Single rater', 'cat_raters'),
    ('93-0003.00', 'Unrated', 'cat_raters');
INSERT INTO airesilience.task (onet_code, task_id, description)
SELECT '93-0001.00', i, 'task ' || i FROM generate_series(1, 7) i
UNION ALL SELECT '93-0002.00', 1, 'only'
UNION ALL SELECT '93-0003.00', 1, 'none';
INSERT INTO airesilience.rater (rater, kind) VALUES ('gpt', 'model'), ('human', 'human'), ('panel', 'human');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES
    ('93-0001.00', 1, 'gpt', 100), ('93-0001.00', 1, 'human', 50),
    ('93-0001.00', 2, 'gpt', 50),  ('93-0001.00', 2, 'human', 50),
    ('93-0001.00', 3, 'gpt', 0),   ('93-0001.00', 3, 'human', 100), ('93-0001.00', 3, 'panel', 50),
    ('93-0001.00', 4, 'gpt', 40),  ('93-0001.00', 4, 'human', 80),
    ('93-0001.00', 5, 'gpt', 30),
    ('93-0001.00', 7, 'gpt', 10),  ('93-0001.00', 7, 'human', 60),
    ('93-0002.00', 1, 'gpt', 70);

SELECT results_eq(
    $$SELECT task_id, ratings, rater_count, median, spread, disagree
        FROM airesilience.task_rater_report WHERE onet_code = '93-0001.00' ORDER BY task_id$$,
    $$VALUES (1, '{"gpt": 100, "human": 50}'::jsonb, 2::bigint, 75::float8, 50::float8, true),
             (2, '{"gpt": 50, "human": 50}', 2, 50, 0, false),
             (3, '{"gpt": 0, "human": 100, "panel": 50}', 3, 50, 100, true),
             (4, '{"gpt": 40, "human": 80}', 2, 60, 40, false),
             (5, '{"gpt": 30}', 1, 30, 0, NULL),
             (7, '{"gpt": 10, "human": 60}', 2, 35, 50, true)$$,
    'each rater''s value, the median, the spread, and disagreement at spread >= 50');
SELECT ok((SELECT bool_and(r.median = s.exposure)
             FROM airesilience.task_rater_report r
             JOIN airesilience.task_score s USING (onet_code, task_id)
            WHERE r.onet_code = '93-0001.00'),
          'the median is the task exposure the scores use');
SELECT results_eq(
    $$SELECT onet_code, tasks_rated, tasks_disagreeing, disagreement_share
        FROM airesilience.rater_agreement_report WHERE onet_code LIKE '93-%' ORDER BY onet_code$$,
    $$VALUES ('93-0001.00'::text, 5::bigint, 3::bigint, 0.6::float8),
             ('93-0002.00', 0, 0, NULL)$$,
    'per occupation: 3 of the 5 tasks with two or more raters disagree; a lone rater is no jury');
SELECT is((SELECT count(*) FROM airesilience.rater_agreement_report WHERE onet_code = '93-0003.00'), 0::bigint,
          'an occupation without ratings has no agreement row');

-- A second rater joins the lone one on 93-0002.00 and disagrees.
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES ('93-0002.00', 1, 'human', 0);
SELECT results_eq(
    $$SELECT tasks_rated, tasks_disagreeing, disagreement_share
        FROM airesilience.rater_agreement_report WHERE onet_code = '93-0002.00'$$,
    $$VALUES (1::bigint, 1::bigint, 1::float8)$$,
    'raters 70 and 0: one task, disagreeing, share 1');

-- On the E-label scale (0, 50, 100) disagreement is choosing different labels.
SELECT is((SELECT array_agg(ARRAY[a, b] ORDER BY a, b)
             FROM (VALUES (0), (50), (100)) x(a), (VALUES (0), (50), (100)) y(b)
            WHERE (abs(a - b) >= 50) IS DISTINCT FROM (a <> b)),
          NULL,
          'on the E0/E2/E1 scale, spread >= 50 exactly when the labels differ');

\ir include/plan_scans.sql
SELECT is_empty($$SELECT pg_temp.unfiltered_scans('SELECT * FROM airesilience.task_rater_report WHERE onet_code = ''93-0001.00''', '93-0001.00')$$,
                'task_rater_report for one occupation scans only its rows');
SELECT is_empty($$SELECT pg_temp.unfiltered_scans('SELECT * FROM airesilience.rater_agreement_report WHERE onet_code = ''93-0001.00''', '93-0001.00')$$,
                'rater_agreement_report for one occupation scans only its rows');

SELECT * FROM finish();
ROLLBACK;

-- Potential vs adoption: usage_dataset, occupation_usage, adoption_evidence
-- and potential_adoption_report on hand-made occupations.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(36);

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT has_table('airesilience', 'usage_dataset', 'usage_dataset exists');
SELECT has_table('airesilience', 'occupation_usage', 'occupation_usage exists');
SELECT has_view('airesilience', 'adoption_evidence', 'adoption_evidence exists');
SELECT has_view('airesilience', 'potential_adoption_report', 'potential_adoption_report exists');
SELECT columns_are('airesilience', 'adoption_evidence',
                   ARRAY['onet_code', 'evidence', 'value', 'tasks_matched', 'tasks_total', 'match_quality', 'observed'],
                   'adoption_evidence has the documented columns');
SELECT columns_are('airesilience', 'potential_adoption_report',
                   ARRAY['onet_code', 'potential', 'adoption', 'evidence_count', 'evidence'],
                   'potential_adoption_report has the documented columns');
SELECT is((SELECT count(*) FROM unnest(ARRAY['airesilience.usage_dataset', 'airesilience.occupation_usage',
                                             'airesilience.adoption_evidence', 'airesilience.potential_adoption_report']::regclass[]) r
            WHERE obj_description(r, 'pg_class') IS NULL),
          0::bigint, 'every new table and view has a comment');
\ir include/dump_condition.sql
SELECT is(ARRAY(SELECT pg_temp.dump_condition(r)
                  FROM unnest(ARRAY['airesilience.occupation_usage', 'airesilience.usage_dataset']::regclass[]) r ORDER BY r::text),
          ARRAY['', ''],
          'both tables are configuration tables: pg_dump keeps every row');

------------------------------------------------------------------------------
-- Hand-made data
------------------------------------------------------------------------------
--
-- ds_task: task-level, matched "by exact text"; ds_occ: occupation-level.
--
-- 92-0001.00, equal weights (no ratings, no types), 4 tasks:
--   t1 exposure 100, usage 0.5; t2 exposure 50, usage 0 (matched, not
--   observed); t3 exposure 0, not matched; t4 unrated, usage 0.1.
--   potential = (100 + 50 + 0) / 3 = 50 (the unrated task does not count).
--   ds_task: matched 3 of 4, observed t1 and t4: observed share
--   100 * 2 / 4 = 50; value over the rated tasks, the observed one counting
--   its exposure: (100 + 0 + 0) / 3 = 33.33.
--   ds_occ: observed 30, value 30 x potential / 100 = 15.
--   adoption = (100/3 + 15) / 2 = 24.1667.
--   A row of the unregistered dataset ds_other is not evidence.
-- 92-0002.00, weights by task type: t1 core (w 2) exposure 100; t2
--   supplemental (w 1), raters 0 and 50 -> 25; t3 supplemental (w 1),
--   unrated, usage 1.
--   potential = (2*100 + 1*25) / 3 = 75.
--   ds_task: 1 of 3 matched, observed weight 1 of 4: 25; the observed
--   task is unrated, so the value is 0 / 3 = 0.  adoption = 0.
-- 92-0003.00, no tasks; ds_occ 80 without a note of its own -> the
--   dataset's match_method.  potential NULL, so value and adoption NULL
--   (observed 80).
-- 92-0004.00, no tasks, no evidence: potential and adoption NULL, [].
-- 92-0005.00, weights by ratings: t1 core, importance 5, relevance 100
--   -> w 10, exposure 50; t2 supplemental, importance 2, relevance 50 ->
--   w 1, exposure 100.  potential = (10*50 + 1*100) / 11 = 54.5454...
--   No usage row: ds_task "0 of 2 tasks matched", value 0.  adoption = 0.

INSERT INTO airesilience.category (category, title) VALUES ('cat_adoption', 'Adoption');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('92-0001.00', 'Equal', 'cat_adoption'),
    ('92-0002.00', 'Typed', 'cat_adoption'),
    ('92-0003.00', 'No tasks, evidence', 'cat_adoption'),
    ('92-0004.00', 'Nothing', 'cat_adoption'),
    ('92-0005.00', 'Rated', 'cat_adoption');
INSERT INTO airesilience.task (onet_code, task_id, description, task_type, importance, relevance) VALUES
    ('92-0001.00', 1, 't1', NULL, NULL, NULL),
    ('92-0001.00', 2, 't2', NULL, NULL, NULL),
    ('92-0001.00', 3, 't3', NULL, NULL, NULL),
    ('92-0001.00', 4, 't4', NULL, NULL, NULL),
    ('92-0002.00', 1, 't1', 'core', NULL, NULL),
    ('92-0002.00', 2, 't2', 'supplemental', NULL, NULL),
    ('92-0002.00', 3, 't3', 'supplemental', NULL, NULL),
    ('92-0005.00', 1, 't1', 'core', 5, 100),
    ('92-0005.00', 2, 't2', 'supplemental', 2, 50);
INSERT INTO airesilience.rater (rater, kind) VALUES ('r_one', 'model'), ('r_two', 'human');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES
    ('92-0001.00', 1, 'r_one', 100),
    ('92-0001.00', 2, 'r_one', 50),
    ('92-0001.00', 3, 'r_one', 0),
    ('92-0002.00', 1, 'r_one', 100),
    ('92-0002.00', 2, 'r_one', 0),
    ('92-0002.00', 2, 'r_two', 50),
    ('92-0005.00', 1, 'r_one', 50),
    ('92-0005.00', 2, 'r_one', 100);
INSERT INTO airesilience.usage_dataset (dataset, title, level, match_method) VALUES
    ('ds_task', 'Task usage', 'task', 'exact text'),
    ('ds_occ', 'Occupation coverage', 'occupation', 'SOC-level match');
INSERT INTO airesilience.task_usage (onet_code, task_id, dataset, share_pct) VALUES
    ('92-0001.00', 1, 'ds_task', 0.5),
    ('92-0001.00', 2, 'ds_task', 0),
    ('92-0001.00', 4, 'ds_task', 0.1),
    ('92-0001.00', 3, 'ds_other', 2),
    ('92-0002.00', 3, 'ds_task', 1);
INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct, match_quality) VALUES
    ('92-0001.00', 'ds_occ', 30, 'SOC-level match: one of 2 occupations'),
    ('92-0003.00', 'ds_occ', 80, NULL);

------------------------------------------------------------------------------
-- Constraints
------------------------------------------------------------------------------

SELECT throws_ok($$INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct) VALUES ('92-0002.00', 'ds_task', 10)$$,
                 '23503', NULL, 'occupation_usage admits occupation-level datasets only');
SELECT throws_ok($$INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct) VALUES ('92-0002.00', 'ds_none', 10)$$,
                 '23503', NULL, 'occupation_usage rejects an unregistered dataset');
SELECT throws_ok($$INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct) VALUES ('92-0002.00', 'ds_occ', 100.5)$$,
                 '23514', NULL, 'coverage above 100 is rejected');
SELECT throws_ok($$INSERT INTO airesilience.occupation_usage (onet_code, dataset, coverage_pct) VALUES ('92-0002.00', 'ds_occ', 'NaN')$$,
                 '23514', NULL, 'NaN coverage is rejected');
SELECT throws_ok($$INSERT INTO airesilience.occupation_usage (onet_code, dataset, level, coverage_pct) VALUES ('92-0002.00', 'ds_task', 'task', 10)$$,
                 '428C9', NULL, 'the level of occupation_usage cannot be set by hand');
SELECT throws_ok($$INSERT INTO airesilience.usage_dataset (dataset, title, level) VALUES ('ds_x', 'x', 'sector')$$,
                 '23514', NULL, 'a dataset is task- or occupation-level');
SELECT throws_ok($$UPDATE airesilience.usage_dataset SET level = 'task' WHERE dataset = 'ds_occ'$$,
                 '23503', NULL, 'a dataset with occupation values cannot become task-level');

------------------------------------------------------------------------------
-- adoption_evidence
------------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT evidence, round(value::numeric, 10), tasks_matched, tasks_total, match_quality
        FROM airesilience.adoption_evidence WHERE onet_code = '92-0001.00' ORDER BY evidence$$,
    $$VALUES ('ds_occ'::text, 15::numeric, NULL::bigint, NULL::bigint, 'SOC-level match: one of 2 occupations'::text),
             ('ds_task', round(100 / 3.0, 10), 3, 4, '3 of 4 tasks matched by exact text; unmatched tasks count as unobserved')$$,
    '92-0001.00: value 100/3 (t1''s exposure of 3 rated tasks), 30 x 50 / 100 = 15; ds_other ignored');
SELECT results_eq(
    $$SELECT evidence, round(observed::numeric, 10) FROM airesilience.adoption_evidence WHERE onet_code = '92-0001.00' ORDER BY evidence$$,
    $$VALUES ('ds_occ'::text, 30::numeric), ('ds_task', 50)$$,
    '92-0001.00: observed t1 and t4 of 4 equal tasks = 50; stored coverage 30');
SELECT results_eq(
    $$SELECT evidence, round(value::numeric, 10), tasks_matched, tasks_total, match_quality
        FROM airesilience.adoption_evidence WHERE onet_code = '92-0002.00'$$,
    $$VALUES ('ds_task'::text, 0::numeric, 1::bigint, 3::bigint, '1 of 3 tasks matched by exact text; unmatched tasks count as unobserved'::text)$$,
    '92-0002.00: the observed task is unrated: value 0');
SELECT is((SELECT round(observed::numeric, 10) FROM airesilience.adoption_evidence WHERE onet_code = '92-0002.00'), 25::numeric,
          '92-0002.00: observed, the observed task weighs 1 of 4 = 25, rated or not');
SELECT results_eq(
    $$SELECT evidence, value, observed, match_quality FROM airesilience.adoption_evidence WHERE onet_code = '92-0003.00'$$,
    $$VALUES ('ds_occ'::text, NULL::float8, 80::float8, 'SOC-level match'::text)$$,
    '92-0003.00: occupation-level evidence without tasks; the note falls back to the dataset''s match_method');
SELECT is((SELECT count(*) FROM airesilience.adoption_evidence WHERE onet_code = '92-0004.00'), 0::bigint,
          '92-0004.00: no tasks and no coverage, no evidence');
SELECT results_eq(
    $$SELECT evidence, value, tasks_matched, tasks_total, match_quality
        FROM airesilience.adoption_evidence WHERE onet_code = '92-0005.00'$$,
    $$VALUES ('ds_task'::text, 0::float8, 0::bigint, 2::bigint, '0 of 2 tasks matched by exact text; unmatched tasks count as unobserved'::text)$$,
    '92-0005.00: no task matched: 0, and the note says so');

-- Without a match_method the note leaves out "by ...".
UPDATE airesilience.usage_dataset SET match_method = NULL WHERE dataset = 'ds_task';
SELECT is((SELECT match_quality FROM airesilience.adoption_evidence WHERE onet_code = '92-0005.00'),
          '0 of 2 tasks matched; unmatched tasks count as unobserved',
          'without match_method the note gives the counts only');
UPDATE airesilience.usage_dataset SET match_method = 'exact text' WHERE dataset = 'ds_task';

------------------------------------------------------------------------------
-- potential_adoption_report
------------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT onet_code, round(potential::numeric, 10), round(adoption::numeric, 10), evidence_count
        FROM airesilience.potential_adoption_report
       WHERE onet_code LIKE '92-%' ORDER BY onet_code$$,
    $$VALUES ('92-0001.00'::text, 50::numeric, round((100 / 3.0 + 15) / 2, 10), 2::bigint),
             ('92-0002.00', 75, 0, 1),
             ('92-0003.00', NULL, NULL, 0),
             ('92-0004.00', NULL, NULL, 0),
             ('92-0005.00', round(600 / 11.0, 10), 0, 1)$$,
    'potential = weighted mean exposure; adoption = mean of the evidence (hand-computed above)');
SELECT ok((SELECT abs(potential - 600.0 / 11) < 1e-12 FROM airesilience.potential_adoption_report WHERE onet_code = '92-0005.00'),
          '92-0005.00: potential (10*50 + 1*100) / 11 to 1e-12');
SELECT ok((SELECT abs(p.potential - (100 - r.task_resilience)) < 1e-12
             FROM airesilience.potential_adoption_report p
             JOIN airesilience.occupation_task_resilience r USING (onet_code)
            WHERE onet_code = '92-0002.00'),
          'potential = 100 - task resilience');
SELECT is((SELECT evidence FROM airesilience.potential_adoption_report WHERE onet_code = '92-0001.00'),
          '[{"evidence": "ds_occ", "title": "Occupation coverage", "value": 15, "observed": 30, "tasks_matched": null, "tasks_total": null,
             "match_quality": "SOC-level match: one of 2 occupations"},
            {"evidence": "ds_task", "title": "Task usage", "value": 33.3333333333333, "observed": 50, "tasks_matched": 3, "tasks_total": 4,
             "match_quality": "3 of 4 tasks matched by exact text; unmatched tasks count as unobserved"}]'::jsonb,
          'the evidence document lists every piece with its title and note, ordered by evidence');
SELECT is((SELECT evidence FROM airesilience.potential_adoption_report WHERE onet_code = '92-0004.00'),
          '[]'::jsonb, 'no evidence: an empty array, not NULL');

-- A task-level dataset whose tasks weigh nothing gives no value, which does
-- not count towards adoption.
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('92-0006.00', 'Weightless', 'cat_adoption');
INSERT INTO airesilience.task (onet_code, task_id, description, task_type, importance, relevance)
VALUES ('92-0006.00', 1, 't1', 'core', 3, 0);
SELECT results_eq(
    $$SELECT value, adoption, evidence_count
        FROM airesilience.adoption_evidence e JOIN airesilience.potential_adoption_report USING (onet_code)
       WHERE onet_code = '92-0006.00'$$,
    $$VALUES (NULL::float8, NULL::float8, 0::bigint)$$,
    'tasks of total weight 0: no value, no adoption');

-- Registering a dataset adds its evidence to every occupation with tasks.
INSERT INTO airesilience.usage_dataset (dataset, title, level) VALUES ('ds_other', 'Other', 'task');
SELECT results_eq(
    $$SELECT round(value::numeric, 10), tasks_matched FROM airesilience.adoption_evidence
       WHERE onet_code = '92-0001.00' AND evidence = 'ds_other'$$,
    $$VALUES (0::numeric, 1::bigint)$$,
    'a registered task-level dataset becomes evidence: t3 (exposure 0) observed, value 0');
SELECT is((SELECT round(adoption::numeric, 10) FROM airesilience.potential_adoption_report WHERE onet_code = '92-0001.00'),
          round((100 / 3.0 + 15 + 0) / 3, 10), '92-0001.00: adoption (33.33 + 15 + 0) / 3');
SELECT is((SELECT count(*) FROM airesilience.potential_adoption_report WHERE adoption > potential), 0::bigint,
          'adoption is never above potential');

-- Deleting a dataset deletes its occupation values.
DELETE FROM airesilience.usage_dataset WHERE dataset = 'ds_occ';
SELECT is((SELECT count(*) FROM airesilience.occupation_usage WHERE dataset = 'ds_occ'), 0::bigint,
          'deleting a dataset deletes its occupation values');
SELECT is((SELECT adoption FROM airesilience.potential_adoption_report WHERE onet_code = '92-0003.00'), NULL::float8,
          '92-0003.00: no evidence left, adoption NULL');

------------------------------------------------------------------------------
-- One occupation is computed from its own rows only
------------------------------------------------------------------------------

\ir include/plan_scans.sql
SELECT is_empty($$SELECT pg_temp.unfiltered_scans('SELECT * FROM airesilience.adoption_evidence WHERE onet_code = ''92-0001.00''', '92-0001.00')$$,
                'adoption_evidence for one occupation scans only its rows');
SELECT is_empty($$SELECT pg_temp.unfiltered_scans('SELECT * FROM airesilience.potential_adoption_report WHERE onet_code = ''92-0001.00''', '92-0001.00')$$,
                'potential_adoption_report for one occupation scans only its rows');

SELECT * FROM finish();
ROLLBACK;

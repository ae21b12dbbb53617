-- what_if(weights, onet_code, orientation) on the project's sample data:
-- ad-hoc weights against the stored report and the built-in preset of the
-- same orientation, without changing any table.
--
-- Medical Records Specialists (29-2072.00), signals by hand from
-- sample/sample.sql (15 SOC codes in labor_stats, so a percentile is
-- 100 x (codes below) / 14):
--   human_contribution   mean source score = (9 + 10 + 700/17 + 72.939...) / 4
--                        (frey 100 - 91, digital 100 - 90, task model
--                        100 - 2000/34, working with AI 100 - 27.060...)
--   employer_demand      0.60 x openings pct + 0.40 x growth pct; 14,200
--                        openings: 2 codes below (200, 5,500); growth 7.1 %:
--                        9 below -> (0.60 x 2 + 0.40 x 9) / 14 x 100 = 480/14
--   economic_opportunity wage bill 208,600 x $50,250: only 6,400 x $239,200
--                        below -> 100/14 (no related occupations in the
--                        sample, so no adaptability part)
--   task_exposure        17 tasks, none core or rated: weight 1 each,
--                        mean exposure 2000/34
--   digital_exposure     9 x 10 = 90
--   market_pressure      50 - 5 x 7.1 = 14.5
--   entry_barrier_erosion postsecondary nondegree award: 60
-- careervillage = 0.40 HC + 0.30 ED + 0.30 EO = 25.740...
-- jobpocalypse  = 0.60 x 2000/34 + 0.10 x 90 + 0.15 x 14.5 + 0.15 x 60 = 55.469...
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(31);

-- The sample data set, inside this test's transaction: sample/sample.sql
-- without its own BEGIN and COMMIT (psql runs from the tree's root).
\set sample `grep -v -x -e 'BEGIN;' -e 'COMMIT;' sample/sample.sql`
:sample

-- The hand-worked figures above, as SQL expressions.
CREATE TEMP TABLE hand AS
SELECT hc, ed, eo, te,
       0.40 * hc + 0.30 * ed + 0.30 * eo AS careervillage,
       0.60 * te + 0.10 * 90 + 0.15 * 14.5 + 0.15 * 60 AS jobpocalypse
  FROM (SELECT ((100 - 100 * 0.91) + (100 - 100 * 9 / 10.0) + 700 / 17.0 + (100 - 100 * 0.27060368865203227)) / 4 AS hc,
               480 / 14.0 AS ed,
               100 / 14.0 AS eo,
               2000 / 34.0 AS te) s;
-- Statistics for the one row: estimated as a page full of rows, it would
-- push the plans above jit_above_cost, and compiling them takes seconds.
ANALYZE hand;

-- Every table of the extension, as count and checksum per table.
CREATE FUNCTION pg_temp.table_checksums() RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    rel regclass;
    sums text[] := '{}';
    one text;
BEGIN
    FOR rel IN SELECT c.oid FROM pg_class c
                WHERE c.relnamespace = 'airesilience'::regnamespace AND c.relkind = 'r'
                ORDER BY c.relname LOOP
        EXECUTE format('SELECT %L || count(*) || '' '' || md5(coalesce(string_agg(r::text, E''\n'' ORDER BY r::text), '''')) FROM %s r',
                       rel::text || ' ', rel) INTO one;
        sums := sums || one;
    END LOOP;
    RETURN sums;
END $$;

\ir include/plan_scans.sql

CREATE TEMP TABLE before AS SELECT pg_temp.table_checksums() AS sums;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT has_function('airesilience', 'what_if', ARRAY['jsonb', 'text', 'text'], 'what_if(jsonb, text, text) exists');
SELECT ok(obj_description('airesilience.what_if(jsonb, text, text)'::regprocedure, 'pg_proc') IS NOT NULL,
          'what_if has a comment');
SELECT is((SELECT provolatile::text FROM pg_proc WHERE oid = 'airesilience.what_if(jsonb, text, text)'::regprocedure),
          's', 'what_if is STABLE: it cannot write');

------------------------------------------------------------------------------
-- One occupation, by hand
------------------------------------------------------------------------------

SELECT ok(abs(w.source_median - (10 + 700.0 / 17) / 2) < 1e-9 AND w.label = 'Not Very Resilient' AND w.title = 'Medical Records Specialists',
          'the stored headline and its label come with the what-if score')
  FROM airesilience.what_if('{"human_contribution": 1, "employer_demand": 1}', '29-2072.00') w;
SELECT ok(abs(w.what_if_score - (h.hc + h.ed) / 2) < 1e-9, 'HC and ED weighed 1:1: (HC + 480/14) / 2 = 33.78')
  FROM airesilience.what_if('{"human_contribution": 1, "employer_demand": 1}', '29-2072.00') w, hand h;
SELECT is((SELECT (what_if_label, baseline_preset)::text
             FROM airesilience.what_if('{"human_contribution": 1, "employer_demand": 1}', '29-2072.00')),
          '("Not Very Resilient",careervillage)', 'labelled under resilience6 (> 22, not > 35), against careervillage');
SELECT ok(abs(w.baseline_score - h.careervillage) < 1e-9 AND abs(w.delta - ((h.hc + h.ed) / 2 - h.careervillage)) < 1e-9,
          'the baseline is careervillage = 0.40 HC + 0.30 ED + 0.30 x 100/14 = 25.74, the delta 8.04')
  FROM airesilience.what_if('{"human_contribution": 1, "employer_demand": 1}', '29-2072.00') w, hand h;
SELECT ok(abs((w.breakdown->'human_contribution'->>'points')::float8 - h.hc / 2) < 1e-9
          AND abs((w.breakdown->'employer_demand'->>'value')::float8 - h.ed) < 1e-9
          AND (w.breakdown->'employer_demand'->>'weight')::float8 = 1
          AND NOT (w.breakdown->'employer_demand'->>'flipped')::boolean,
          'the breakdown gives each signal''s value, weight and points')
  FROM airesilience.what_if('{"human_contribution": 1, "employer_demand": 1}', '29-2072.00') w, hand h;

-- exposure weights: task exposure 3, market pressure 1
SELECT ok(abs(w.what_if_score - (3 * h.te + 14.5) / 4) < 1e-9, 'exposure weights: (3 x 2000/34 + 14.5) / 4 = 47.74')
  FROM airesilience.what_if('{"task_exposure": 3, "market_pressure": 1}', '29-2072.00') w, hand h;
SELECT is((SELECT (what_if_label, baseline_preset)::text
             FROM airesilience.what_if('{"task_exposure": 3, "market_pressure": 1}', '29-2072.00')),
          '(Elevated,jobpocalypse)', 'labelled under tiers5 (>= 40, < 55), against jobpocalypse');
SELECT ok(abs(w.baseline_score - h.jobpocalypse) < 1e-9 AND abs(w.delta - ((3 * h.te + 14.5) / 4 - h.jobpocalypse)) < 1e-9,
          'the baseline is jobpocalypse = 55.47, the delta -7.73')
  FROM airesilience.what_if('{"task_exposure": 3, "market_pressure": 1}', '29-2072.00') w, hand h;

-- mixed orientations, given explicitly
SELECT ok(abs(w.what_if_score - (h.hc + (100 - h.te)) / 2) < 1e-9 AND w.what_if_label = 'Somewhat Resilient'
          AND w.baseline_preset = 'careervillage' AND (w.breakdown->'task_exposure'->>'flipped')::boolean,
          'resilience orientation: task exposure counts as 100 - 2000/34; (HC + 41.18) / 2 = 37.23, Somewhat Resilient')
  FROM airesilience.what_if('{"human_contribution": 1, "task_exposure": 1}', '29-2072.00', 'resilience') w, hand h;
SELECT ok(abs(w.what_if_score - ((100 - h.hc) + h.te) / 2) < 1e-9 AND w.what_if_label = 'High'
          AND w.baseline_preset = 'jobpocalypse' AND abs(w.delta - (((100 - h.hc) + h.te) / 2 - h.jobpocalypse)) < 1e-9,
          'exposure orientation: ((100 - HC) + 2000/34) / 2 = 62.77, High, against jobpocalypse')
  FROM airesilience.what_if('{"human_contribution": 1, "task_exposure": 1}', '29-2072.00', 'exposure') w, hand h;

------------------------------------------------------------------------------
-- All occupations
------------------------------------------------------------------------------

SELECT is((SELECT count(*) FROM airesilience.what_if('{"human_contribution": 1}')), 15::bigint,
          'without onet_code: every occupation');
SELECT is((SELECT count(*) FROM airesilience.what_if('{"human_contribution": 1}', '99-9999.99')), 0::bigint,
          'an unknown occupation: no rows');
-- Second method: the careervillage weights give back composite_report.
SELECT is((SELECT count(*) FROM airesilience.what_if('{"human_contribution": 0.40, "employer_demand": 0.30, "economic_opportunity": 0.30}') w
             JOIN airesilience.composite_report c ON c.onet_code = w.onet_code AND c.preset = 'careervillage'
            WHERE abs(w.delta) < 1e-9 AND abs(w.what_if_score - c.score) < 1e-9 AND w.what_if_label = c.label),
          15::bigint, 'careervillage''s own weights reproduce careervillage for all 15, delta 0');
SELECT is((SELECT count(*) FROM airesilience.what_if('{"task_exposure": 0.60, "digital_exposure": 0.10, "market_pressure": 0.15, "entry_barrier_erosion": 0.15}') w
             JOIN airesilience.composite_report c ON c.onet_code = w.onet_code AND c.preset = 'jobpocalypse'
            WHERE abs(w.delta) < 1e-9 AND w.what_if_label = c.label),
          15::bigint, 'jobpocalypse''s own weights reproduce jobpocalypse for all 15, delta 0');
SELECT is((SELECT count(*) FROM airesilience.what_if('{"human_contribution": 1}') w
             JOIN airesilience.occupation_report r USING (onet_code)
            WHERE w.source_median IS NOT DISTINCT FROM r.source_median AND w.label IS NOT DISTINCT FROM r.label),
          15::bigint, 'every row carries its stored headline and label');

------------------------------------------------------------------------------
-- Bad input: as composite_scores
------------------------------------------------------------------------------

SELECT throws_ok($$SELECT * FROM airesilience.what_if('{"bogus": 1}')$$,
                 '22023', 'unknown signal "bogus"', 'an unknown signal is an error');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('{"bogus": 1}', '99-9999.99')$$,
                 '22023', 'unknown signal "bogus"', 'also when the occupation is unknown');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('[1, 2]')$$,
                 '22023', 'weights must be a JSON object', 'weights that are not an object are an error');
SELECT throws_ok($$SELECT * FROM airesilience.what_if(NULL)$$,
                 '22023', 'weights must be a JSON object', 'NULL weights are an error');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('{}')$$,
                 '22023', 'weights must name at least one signal', 'empty weights are an error');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('{"human_contribution": 0}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number', 'a zero weight is an error');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('{"human_contribution": "heavy"}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number', 'a weight that is not a number is an error');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('{"human_contribution": 1, "task_exposure": 1}')$$,
                 '22023', 'weights mix resilience and exposure signals', 'mixed orientations need an orientation');
SELECT throws_ok($$SELECT * FROM airesilience.what_if('{"human_contribution": 1}', NULL, 'upward')$$,
                 '22023', 'orientation must be resilience or exposure', 'an unknown orientation is an error');

------------------------------------------------------------------------------
-- Nothing changed; one occupation's query reads only its rows
------------------------------------------------------------------------------

SELECT is(pg_temp.table_checksums(), (SELECT sums FROM before),
          'no table of the extension changed (composite_preset and composite_weight included)');
SELECT ok((SELECT array_length(sums, 1) FROM before) >= 20
          AND (SELECT bool_or(s LIKE 'airesilience.composite_weight %') AND bool_or(s LIKE 'airesilience.composite_preset %')
                 FROM unnest((SELECT sums FROM before)) s),
          'the checksums cover the extension''s tables, the presets among them');
SELECT is(ARRAY(SELECT pg_temp.unfiltered_scans($$SELECT * FROM airesilience.what_if('{"human_contribution": 1, "economic_opportunity": 1}', '29-2072.00')$$, '29-2072.00')),
          '{}'::text[], 'what_if for one occupation reads only its rows');
SELECT is(ARRAY(SELECT pg_temp.unfiltered_scans($$SELECT * FROM airesilience.what_if('{"task_exposure": 1}') WHERE onet_code = '29-2072.00'$$, '29-2072.00')),
          '{}'::text[], 'also when filtered on the result');

SELECT * FROM finish();
ROLLBACK;

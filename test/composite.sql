-- Composite scores (src/composite.sql): the signal mappings, the signals of
-- two sample occupations, the CareerVillage and Jobpocalypse presets, user
-- presets, composite_scores with ad-hoc weights, and every error.
--
-- Expected values are worked out by hand from the figures of
-- sample/sample.sql and written below as plain arithmetic on those figures
-- (temp table expected_signal); the composite scores expected are computed
-- from that table with the presets' published weights, not from the views.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(126);

-- ok() within 1e-9 of a hand-computed value, with both in the diagnostics.
CREATE FUNCTION pg_temp.is_near(have float8, want numeric, description text) RETURNS text
LANGUAGE sql AS $$
    SELECT CASE WHEN have IS NOT NULL AND want IS NOT NULL AND abs(have::numeric - want) < 1e-9
                THEN ok(true, description)
                ELSE ok(false, description) || E'\n'
                     || diag(format('    have: %s' || E'\n' || '    want: %s', have, want))
           END
$$;

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT has_table('airesilience', 'signal', 'signal exists');
SELECT has_table('airesilience', 'composite_preset', 'composite_preset exists');
SELECT has_table('airesilience', 'composite_weight', 'composite_weight exists');
SELECT has_table('airesilience', 'occupation_adaptability', 'occupation_adaptability exists');
SELECT columns_are('airesilience', 'occupation_signal', ARRAY['onet_code', 'signal', 'value', 'orientation', 'detail'],
                   'occupation_signal has the documented columns');
SELECT columns_are('airesilience', 'composite_signal_report',
                   ARRAY['onet_code', 'preset', 'signal', 'value', 'weight', 'points', 'flipped'],
                   'composite_signal_report has the documented columns');
SELECT columns_are('airesilience', 'composite_report',
                   ARRAY['onet_code', 'preset', 'score', 'label', 'signals_used', 'signals_missing', 'coverage', 'breakdown'],
                   'composite_report has the documented columns');
SELECT is((SELECT array_agg(r::text ORDER BY r::text)
             FROM unnest(ARRAY['airesilience.signal', 'airesilience.composite_preset', 'airesilience.composite_weight',
                               'airesilience.occupation_adaptability', 'airesilience.occupation_signal',
                               'airesilience.composite_signal_report', 'airesilience.composite_report']::regclass[]) r
            WHERE obj_description(r, 'pg_class') IS NULL),
          NULL, 'every composite table and view has a comment');
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
             FROM pg_proc p
            WHERE p.pronamespace = 'airesilience'::regnamespace
              AND p.proname IN ('adaptability_refresh', 'adaptability_maintain', 'task_tier_weight', 'market_pressure',
                                'entry_barrier_erosion', 'signal_readonly', 'composite_weight_check',
                                'composite_weights_check', 'composite_scores')
              AND obj_description(p.oid, 'pg_proc') IS NULL),
          NULL, 'every composite function has a comment');
SELECT is((SELECT array_agg(p.proname::text || ':' || p.provolatile::text || p.proparallel::text ORDER BY p.proname)
             FROM pg_proc p
            WHERE p.pronamespace = 'airesilience'::regnamespace
              AND p.proname IN ('task_tier_weight', 'market_pressure', 'entry_barrier_erosion', 'composite_scores')),
          '{composite_scores:ss,entry_barrier_erosion:is,market_pressure:is,task_tier_weight:is}',
          'the mappings are IMMUTABLE and composite_scores STABLE, all PARALLEL SAFE');
\ir include/dump_condition.sql
SELECT is(ARRAY(SELECT pg_temp.dump_condition(r)
                  FROM unnest(ARRAY['airesilience.composite_preset', 'airesilience.composite_weight',
                                    'airesilience.occupation_adaptability', 'airesilience.signal']::regclass[]) r ORDER BY r::text),
          ARRAY['WHERE NOT builtin', 'WHERE NOT builtin', 'not dumped', 'not dumped'],
          'user presets and weights are dumped; signals and adaptability (fixed or derived) are not');

SELECT results_eq(
    $$SELECT signal, orientation FROM airesilience.signal ORDER BY orientation DESC, signal$$,
    $$VALUES ('economic_opportunity'::text, 'resilience'::text), ('employer_demand', 'resilience'),
             ('human_contribution', 'resilience'),
             ('digital_exposure', 'exposure'), ('entry_barrier_erosion', 'exposure'),
             ('market_pressure', 'exposure'), ('task_exposure', 'exposure')$$,
    'seven signals: three resilience, four exposure');
SELECT results_eq(
    $$SELECT p.preset, p.orientation, p.label_scheme, w.signal, w.weight, p.builtin AND w.builtin
        FROM airesilience.composite_preset p JOIN airesilience.composite_weight w USING (preset)
       ORDER BY p.preset, w.weight DESC, w.signal$$,
    $$VALUES ('careervillage'::text, 'resilience'::text, 'resilience6'::text, 'human_contribution'::text, 0.40::float8, true),
             ('careervillage', 'resilience', 'resilience6', 'economic_opportunity', 0.30, true),
             ('careervillage', 'resilience', 'resilience6', 'employer_demand', 0.30, true),
             ('jobpocalypse', 'exposure', 'tiers5', 'task_exposure', 0.60, true),
             ('jobpocalypse', 'exposure', 'tiers5', 'entry_barrier_erosion', 0.15, true),
             ('jobpocalypse', 'exposure', 'tiers5', 'market_pressure', 0.15, true),
             ('jobpocalypse', 'exposure', 'tiers5', 'digital_exposure', 0.10, true)$$,
    'the built-in presets: CareerVillage 0.40/0.30/0.30 under resilience6, Jobpocalypse 0.60/0.10/0.15/0.15 under tiers5');

------------------------------------------------------------------------------
-- The mappings
------------------------------------------------------------------------------

-- Core 3, Important (importance >= 3.5) 2, Supporting 1; a core task is Core
-- whatever its importance, an unrated untyped task Supporting.
SELECT is(ARRAY[airesilience.task_tier_weight('core', NULL), airesilience.task_tier_weight('core', 1),
                airesilience.task_tier_weight('supplemental', 3.5), airesilience.task_tier_weight(NULL, 4.9),
                airesilience.task_tier_weight('supplemental', 3.49), airesilience.task_tier_weight(NULL, NULL)],
          '{3,3,2,2,1,1}'::float8[], 'task_tier_weight: core 3, importance >= 3.5 gives 2, else 1');

-- 50 - 5 x growth, clamped to 0-100.
SELECT is(ARRAY[airesilience.market_pressure(10), airesilience.market_pressure(0), airesilience.market_pressure(-10)],
          '{0,50,100}'::float8[], 'market_pressure: +10 % -> 0, flat -> 50, -10 % -> 100');
SELECT is(ARRAY[airesilience.market_pressure(2.5), airesilience.market_pressure(-6), airesilience.market_pressure(9.9)],
          ARRAY[37.5, 80, 50 - 5 * 9.9::float8], 'market_pressure is linear in between: 2.5 -> 37.5, -6 -> 80, 9.9 -> 0.5');
SELECT is(ARRAY[airesilience.market_pressure(10.1), airesilience.market_pressure(250), airesilience.market_pressure('Infinity')],
          '{0,0,0}'::float8[], 'market_pressure is clamped at 0 beyond +10 %, infinity included');
SELECT is(ARRAY[airesilience.market_pressure(-10.1), airesilience.market_pressure(-100), airesilience.market_pressure('-Infinity')],
          '{100,100,100}'::float8[], 'market_pressure is clamped at 100 beyond -10 %, -infinity included');
SELECT is(ARRAY[airesilience.market_pressure(NULL), airesilience.market_pressure('NaN')],
          '{NULL,NULL}'::float8[], 'market_pressure of no growth figure, or NaN, is NULL');

-- The BLS typical entry education, every wording the projections use.
SELECT is(ARRAY[airesilience.entry_barrier_erosion('No formal educational credential'),
                airesilience.entry_barrier_erosion('High school diploma or equivalent'),
                airesilience.entry_barrier_erosion('Postsecondary nondegree award'),
                airesilience.entry_barrier_erosion('Some college, no degree'),
                airesilience.entry_barrier_erosion('Associate''s degree'),
                airesilience.entry_barrier_erosion('Bachelor''s degree'),
                airesilience.entry_barrier_erosion('Master''s degree'),
                airesilience.entry_barrier_erosion('Doctoral or professional degree')],
          '{90,75,60,55,45,30,15,5}'::float8[], 'entry_barrier_erosion: none 90 ... doctoral 5');
SELECT is(ARRAY[airesilience.entry_barrier_erosion('See How to Become One'),
                airesilience.entry_barrier_erosion('bachelor''s degree'),
                airesilience.entry_barrier_erosion(''),
                airesilience.entry_barrier_erosion(NULL)],
          '{NULL,NULL,NULL,NULL}'::float8[], 'entry_barrier_erosion of unknown wording, other case, empty or NULL is NULL');

------------------------------------------------------------------------------
-- The sample, and the signals worked out by hand
------------------------------------------------------------------------------

-- sample/sample.sql is one transaction of its own; its BEGIN and COMMIT are
-- left out so that the final ROLLBACK removes it (pg_prove runs from the
-- tree's root).
\set sample_sql `sed -e '/^BEGIN;$/d' -e '/^COMMIT;$/d' sample/sample.sql`
:sample_sql

-- Medical Records Specialists (29-2072.00).
--   Tasks: 17, no type, no ratings: tier weight 1 each.  Median of two
--   raters = their mean: 100 (22877, 22893), 75 (22880, 22884, 22887,
--   22889), 25 (22881, 22888), 50 (the other 9): sum 200 + 300 + 50 + 450 =
--   1000, task exposure 1000/17 = 58.82; task model 100 - 1000/17 = 41.18.
--   Sources (exposure, flipped): working_with_ai 0.27060368865203227 on 0-1
--   -> 100 - 27.060368865203227; digital_exposure 9 on 0-10 -> 10; Frey &
--   Osborne 0.91 -> 9.  human_contribution = their mean with the task model.
--   BLS panel, 15 SOC codes (percentile = 100 x codes below / 14):
--     openings 14200: below it 200, 5500 -> 2 -> 14.29
--     growth 7.1: below it -6, -5.8, -5.5, -2, 0.2, 2.6, 4.1, 4.6, 4.6 -> 9
--       -> 64.29
--     wage bill 208600 x 50250 = 10.48e9: below it only 29-1022 (6400 x
--       239200 = 1.53e9) -> 1 -> 7.14
--   employer_demand = 0.60 x 200/14 + 0.40 x 900/14 = 480/14 = 34.29.
--   economic_opportunity: no related occupations in the sample, so no
--   adaptability: the wage-bill part alone, 100/14 = 7.14.
--   market_pressure = 50 - 5 x 7.1 = 14.5; entry education
--   "Postsecondary nondegree award" -> 60.
--
-- Computer Programmers (15-1251.00).
--   Tasks (exposure = mean of the two raters; type; importance):
--     1267 100 core 4.38, 1268 100 core 3.96, 1270 100 core 4.15,
--     1271 50 core 4.04, 1272 75 core 4.37, 1273 100 core 4.42,
--     1281 100 supplemental 3.53 (>= 3.5: Important), 21049 100
--     supplemental 3.24 (Supporting).
--   task_exposure = (3 x (100+100+100+50+75+100) + 2 x 100 + 1 x 100)
--     / (6 x 3 + 2 + 1) = 1875/21 = 89.29.
--   Task model (ratings basis, w = m x importance x relevance, m = 2 core):
--     resilience 0 everywhere but 1271 (50) and 1272 (25), so
--     (50 x 2 x 4.04 x 99.29 + 25 x 2 x 4.37 x 100) / sum of w = 11.93.
--   Sources: working_with_ai 0.3100317881564861 -> 100 - 31.00...; digital
--   9 -> 10; Frey & Osborne 0.48 -> 52.
--   BLS: openings 5500, one below (200) -> 100/14; growth -6, the lowest ->
--   0; wage bill 113900 x 98670 = 11.24e9, two below -> 200/14.
--   employer_demand = 0.60 x 100/14 = 60/14; economic_opportunity = 200/14;
--   market_pressure = 50 + 30 = 80; "Bachelor's degree" -> 30.
CREATE TEMP TABLE expected_signal (onet_code text, signal text, value numeric, PRIMARY KEY (onet_code, signal));
INSERT INTO expected_signal VALUES
    ('29-2072.00', 'human_contribution', ((100 - 1000/17.0) + (100 - 27.060368865203227) + 10 + 9) / 4),
    ('29-2072.00', 'employer_demand', 0.60 * 100 * 2 / 14 + 0.40 * 100 * 9 / 14),
    ('29-2072.00', 'economic_opportunity', 100 * 1 / 14.0),
    ('29-2072.00', 'task_exposure', 1000 / 17.0),
    ('29-2072.00', 'digital_exposure', 90),
    ('29-2072.00', 'market_pressure', 50 - 5 * 7.1),
    ('29-2072.00', 'entry_barrier_erosion', 60),
    ('15-1251.00', 'human_contribution',
     ((50 * 2 * 4.04 * 99.29 + 25 * 2 * 4.37 * 100)
      / (2 * (4.38 * 93.87 + 3.96 * 96.41 + 4.15 * 88.75 + 4.04 * 99.29 + 4.37 * 100 + 4.42 * 93.78)
         + 3.53 * 57.54 + 3.24 * 50.27)
      + (100 - 31.00317881564861) + 10 + 52) / 4),
    ('15-1251.00', 'employer_demand', 0.60 * 100 * 1 / 14 + 0.40 * 0),
    ('15-1251.00', 'economic_opportunity', 100 * 2 / 14.0),
    ('15-1251.00', 'task_exposure', (3 * (100 + 100 + 100 + 50 + 75 + 100) + 2 * 100 + 1 * 100) / 21.0),
    ('15-1251.00', 'digital_exposure', 90),
    ('15-1251.00', 'market_pressure', 50 - 5 * -6),
    ('15-1251.00', 'entry_barrier_erosion', 30);

SELECT pg_temp.is_near(s.value, e.value, format('%s %s = %s', e.onet_code, e.signal, round(e.value, 4)))
  FROM expected_signal e
  LEFT JOIN airesilience.occupation_signal s USING (onet_code, signal)
 ORDER BY e.onet_code DESC, e.signal;

SELECT is((SELECT detail FROM airesilience.occupation_signal WHERE onet_code = '15-1251.00' AND signal = 'task_exposure'),
          '{"tasks": 8, "core": 6, "important": 1, "supporting": 1}'::jsonb,
          'task_exposure detail counts the tasks by tier: 6 core, 1 important, 1 supporting');
SELECT pg_temp.is_near((SELECT CASE WHEN detail ?& '{wage_bill_percentile}' AND NOT detail ? 'adaptability'
                                    THEN (detail->>'wage_bill_percentile')::float8 END
                          FROM airesilience.occupation_signal WHERE onet_code = '29-2072.00' AND signal = 'economic_opportunity'),
                       100 / 14.0, 'economic_opportunity without adaptability: its detail shows the wage-bill part alone');
SELECT is((SELECT array_agg(DISTINCT orientation ORDER BY orientation) FROM airesilience.occupation_signal s
            JOIN airesilience.signal g USING (signal, orientation)),
          '{exposure,resilience}', 'occupation_signal carries each signal''s orientation');

------------------------------------------------------------------------------
-- The presets on those signals
------------------------------------------------------------------------------

-- Expected scores from the hand-computed signals and the presets' weights.
CREATE TEMP TABLE expected_weight (preset text, signal text, weight numeric);
INSERT INTO expected_weight VALUES
    ('careervillage', 'human_contribution', 0.40), ('careervillage', 'employer_demand', 0.30),
    ('careervillage', 'economic_opportunity', 0.30),
    ('jobpocalypse', 'task_exposure', 0.60), ('jobpocalypse', 'digital_exposure', 0.10),
    ('jobpocalypse', 'market_pressure', 0.15), ('jobpocalypse', 'entry_barrier_erosion', 0.15);
CREATE FUNCTION pg_temp.expected_score(code text, preset_name text) RETURNS numeric
LANGUAGE sql AS $$
    SELECT sum(w.weight * e.value) / sum(w.weight)
      FROM expected_weight w JOIN expected_signal e USING (signal)
     WHERE w.preset = preset_name AND e.onet_code = code
$$;

-- CareerVillage, 29-2072.00: 0.40 x 33.2790 + 0.30 x 34.2857 + 0.30 x 7.1429
--   = 13.3116 + 10.2857 + 2.1429 = 25.7402 -> Not Very Resilient (> 22).
-- CareerVillage, 15-1251.00: 0.40 x 35.7318 + 0.30 x 4.2857 + 0.30 x 14.2857
--   = 14.2927 + 1.2857 + 4.2857 = 19.8641 -> Vulnerable (<= 22).
-- Jobpocalypse, 29-2072.00: 0.60 x 58.8235 + 0.10 x 90 + 0.15 x 14.5 +
--   0.15 x 60 = 35.2941 + 9 + 2.175 + 9 = 55.4691 -> High (>= 55).
-- Jobpocalypse, 15-1251.00: 0.60 x 89.2857 + 9 + 0.15 x 80 + 0.15 x 30
--   = 53.5714 + 9 + 12 + 4.5 = 79.0714 -> Very high (>= 70).
SELECT pg_temp.is_near(r.score, pg_temp.expected_score(r.onet_code, r.preset),
                       format('%s %s score = %s', r.preset, r.onet_code,
                              round(pg_temp.expected_score(r.onet_code, r.preset), 4)))
  FROM airesilience.composite_report r
 WHERE r.onet_code IN ('29-2072.00', '15-1251.00')
 ORDER BY r.preset, r.onet_code DESC;
SELECT results_eq(
    $$SELECT preset, onet_code, label, signals_used, signals_missing, coverage
        FROM airesilience.composite_report WHERE onet_code IN ('29-2072.00', '15-1251.00')
       ORDER BY preset, onet_code DESC$$,
    $$VALUES ('careervillage'::text, '29-2072.00'::text, 'Not Very Resilient'::text, 3, '{}'::text[], 1::float8),
             ('careervillage', '15-1251.00', 'Vulnerable', 3, '{}', 1),
             ('jobpocalypse', '29-2072.00', 'High', 4, '{}', 1),
             ('jobpocalypse', '15-1251.00', 'Very high', 4, '{}', 1)$$,
    'labels under resilience6 and tiers5; every signal present, full coverage');
SET LOCAL airesilience.label_scheme = 'change3';
SELECT is((SELECT array_agg(label ORDER BY preset) FROM airesilience.composite_report WHERE onet_code = '29-2072.00'),
          '{Not Very Resilient,High}', 'the label follows the preset''s scheme, not the airesilience.label_scheme setting');
RESET airesilience.label_scheme;

-- Points: weight x value / total weight.  29-2072.00 under Jobpocalypse:
-- market_pressure 0.15 x 14.5 = 2.175, task_exposure 0.60 x 1000/17 = 35.29.
SELECT pg_temp.is_near((SELECT points FROM airesilience.composite_signal_report
                         WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse' AND signal = 'market_pressure'),
                       0.15 * 14.5 / 1.00, 'points of market_pressure for 29-2072.00: 0.15 x 14.5 = 2.175');
SELECT pg_temp.is_near((SELECT points FROM airesilience.composite_signal_report
                         WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse' AND signal = 'task_exposure'),
                       0.60 * 1000 / 17.0, 'points of task_exposure for 29-2072.00: 0.60 x 58.82 = 35.29');
SELECT is((SELECT count(*) FROM airesilience.composite_report r
            WHERE abs(r.score - (SELECT sum(s.points) FROM airesilience.composite_signal_report s
                                  WHERE s.onet_code = r.onet_code AND s.preset = r.preset)) > 1e-9
               OR abs(r.score - (SELECT sum((b.value->>'points')::float8) FROM jsonb_each(r.breakdown) b)) > 1e-9),
          0::bigint, 'for every occupation and preset the points add up to the score, in the view and in the breakdown');
SELECT is((SELECT (breakdown->'digital_exposure') - 'points' FROM airesilience.composite_report
            WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'),
          '{"value": 90, "weight": 0.1, "flipped": false}'::jsonb,
          'the breakdown holds value, weight and flipped per signal ...');
SELECT pg_temp.is_near((SELECT (breakdown->'digital_exposure'->>'points')::float8 FROM airesilience.composite_report
                         WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'),
                       0.10 * 90, '... and its points: 0.10 x 90 = 9');
SELECT is((SELECT count(*) FROM airesilience.composite_signal_report WHERE flipped), 0::bigint,
          'the built-in presets weigh only signals of their own orientation');

------------------------------------------------------------------------------
-- Adaptability: related occupations enter economic_opportunity
------------------------------------------------------------------------------

-- Pivots (primary-short and primary-long tiers only):
--   29-2072.00 -> 15-1251.00 (task resilience 11.93); its supplemental
--     43-3031.00 does not count
--   15-1251.00 -> 29-2072.00 (41.18)
--   29-2061.00 -> both: (41.18 + 11.93) / 2 = 26.55
-- Percentile among the three: 29-2072.00 0, 29-2061.00 50, 15-1251.00 100.
INSERT INTO airesilience.related_occupation (onet_code, related_code, tier, rank) VALUES
    ('29-2072.00', '15-1251.00', 'primary-short', 1),
    ('29-2072.00', '43-3031.00', 'supplemental', 12),
    ('15-1251.00', '29-2072.00', 'primary-long', 7),
    ('29-2061.00', '29-2072.00', 'primary-short', 1),
    ('29-2061.00', '15-1251.00', 'primary-long', 9);
CREATE TEMP TABLE task_model AS
SELECT '29-2072.00'::text AS onet_code, 100 - 1000 / 17.0 AS resilience
UNION ALL
SELECT '15-1251.00', (50 * 2 * 4.04 * 99.29 + 25 * 2 * 4.37 * 100)
                     / (2 * (4.38 * 93.87 + 3.96 * 96.41 + 4.15 * 88.75 + 4.04 * 99.29 + 4.37 * 100 + 4.42 * 93.78)
                        + 3.53 * 57.54 + 3.24 * 50.27);
SELECT results_eq(
    $$SELECT onet_code, pivot_count, percentile FROM airesilience.occupation_adaptability ORDER BY onet_code$$,
    $$VALUES ('15-1251.00'::text, 1, 100::float8), ('29-2061.00', 2, 50), ('29-2072.00', 1, 0)$$,
    'adaptability: pivot counts and percentile ranks of the three occupations with pivots');
SELECT pg_temp.is_near((SELECT pivot_resilience FROM airesilience.occupation_adaptability WHERE onet_code = '29-2061.00'),
                       (SELECT avg(resilience) FROM task_model), 'pivot resilience of 29-2061.00: (41.18 + 11.93) / 2');

-- economic_opportunity = 0.67 x wage-bill percentile + 0.33 x adaptability:
--   29-2072.00: 0.67 x 100/14 + 0.33 x 0 = 4.79
--   15-1251.00: 0.67 x 200/14 + 0.33 x 100 = 42.57
UPDATE expected_signal SET value = 0.67 * 100 * 1 / 14 + 0.33 * 0
 WHERE onet_code = '29-2072.00' AND signal = 'economic_opportunity';
UPDATE expected_signal SET value = 0.67 * 100 * 2 / 14 + 0.33 * 100
 WHERE onet_code = '15-1251.00' AND signal = 'economic_opportunity';
SELECT pg_temp.is_near(s.value, e.value, format('%s economic_opportunity with adaptability = %s', e.onet_code, round(e.value, 4)))
  FROM expected_signal e
  LEFT JOIN airesilience.occupation_signal s USING (onet_code, signal)
 WHERE e.signal = 'economic_opportunity'
 ORDER BY e.onet_code DESC;
-- CareerVillage now: 29-2072.00 13.3116 + 10.2857 + 0.30 x 4.7857 = 25.0330;
-- 15-1251.00 14.2927 + 1.2857 + 0.30 x 42.5714 = 28.3499: both Not Very
-- Resilient.
SELECT pg_temp.is_near(r.score, pg_temp.expected_score(r.onet_code, r.preset),
                       format('careervillage %s score with adaptability = %s', r.onet_code,
                              round(pg_temp.expected_score(r.onet_code, r.preset), 4)))
  FROM airesilience.composite_report r
 WHERE r.onet_code IN ('29-2072.00', '15-1251.00') AND r.preset = 'careervillage'
 ORDER BY r.onet_code DESC;
SELECT is((SELECT array_agg(label ORDER BY onet_code) FROM airesilience.composite_report
            WHERE onet_code IN ('29-2072.00', '15-1251.00') AND preset = 'careervillage'),
          '{Not Very Resilient,Not Very Resilient}', '15-1251.00 rises from Vulnerable to Not Very Resilient');

------------------------------------------------------------------------------
-- composite_scores: ad-hoc weights
------------------------------------------------------------------------------

SELECT is((SELECT count(*)
             FROM (SELECT * FROM airesilience.composite_report WHERE preset = 'careervillage') r
             FULL JOIN airesilience.composite_scores(
                 '{"human_contribution": 0.40, "employer_demand": 0.30, "economic_opportunity": 0.30}') c
               USING (onet_code)
            WHERE c.onet_code IS NULL OR r.onet_code IS NULL
               OR abs(c.score - r.score) > 1e-9 OR (c.score IS NULL) <> (r.score IS NULL)),
          0::bigint, 'composite_scores with CareerVillage''s weights equals composite_report, for every occupation');
SELECT is((SELECT count(*)
             FROM (SELECT * FROM airesilience.composite_report WHERE preset = 'jobpocalypse') r
             FULL JOIN airesilience.composite_scores(
                 '{"task_exposure": 0.6, "digital_exposure": 0.1, "market_pressure": 0.15, "entry_barrier_erosion": 0.15}') c
               USING (onet_code)
            WHERE c.onet_code IS NULL OR r.onet_code IS NULL
               OR abs(c.score - r.score) > 1e-9 OR (c.score IS NULL) <> (r.score IS NULL)
               OR (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(c.breakdown) k)
                  <> (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(r.breakdown) k)),
          0::bigint, 'composite_scores with Jobpocalypse''s weights equals composite_report, breakdown signals included');
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_scores('{"task_exposure": 6, "digital_exposure": 1}', '15-1251.00')),
                       (6 * 1875 / 21.0 + 1 * 90) / 7, 'weights need not sum to 1: (6 x 89.29 + 1 x 90) / 7');
SELECT is((SELECT count(*) FROM airesilience.composite_scores('{"market_pressure": 1}', '29-2072.00')), 1::bigint,
          'with an onet_code, one row');
SELECT is((SELECT count(*) FROM airesilience.composite_scores('{"market_pressure": 1}', '00-0000.00')), 0::bigint,
          'an unknown onet_code gives no row');
SELECT is((SELECT count(*) FROM airesilience.composite_scores('{"market_pressure": 1}')),
          (SELECT count(*) FROM airesilience.occupation), 'without one, a row per occupation');

-- Orientation: human_contribution (resilience) and market_pressure
-- (exposure) of 29-2072.00, 33.28 and 14.5.  As resilience: (33.28 + (100 -
-- 14.5)) / 2; as exposure: ((100 - 33.28) + 14.5) / 2.
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_scores(
                            '{"human_contribution": 1, "market_pressure": 1}', '29-2072.00', 'resilience')),
                       ((SELECT value FROM expected_signal WHERE onet_code = '29-2072.00' AND signal = 'human_contribution')
                        + (100 - 14.5)) / 2,
                       'orientation resilience: market_pressure counts as 100 - 14.5');
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_scores(
                            '{"human_contribution": 1, "market_pressure": 1}', '29-2072.00', 'exposure')),
                       ((100 - (SELECT value FROM expected_signal WHERE onet_code = '29-2072.00' AND signal = 'human_contribution'))
                        + 14.5) / 2,
                       'orientation exposure: human_contribution counts as 100 - 33.28');
SELECT is((SELECT breakdown->'market_pressure'->'flipped' FROM airesilience.composite_scores(
               '{"human_contribution": 1, "market_pressure": 1}', '29-2072.00', 'resilience')),
          'true'::jsonb, 'the breakdown marks the flipped signal');
SELECT is((SELECT (breakdown->'market_pressure'->>'value')::float8 FROM airesilience.composite_scores(
               '{"market_pressure": 2}', '29-2072.00')),
          14.5::float8, 'signals of one orientation need no orientation argument and are not flipped');

-- Errors, all 22023, raised before any row is computed.
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('[1, 2]')$$,
                 '22023', 'weights must be a JSON object', 'weights an array: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('0.5')$$,
                 '22023', 'weights must be a JSON object', 'weights a number: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores(NULL)$$,
                 '22023', 'weights must be a JSON object', 'weights NULL: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{}')$$,
                 '22023', 'weights must name at least one signal', 'empty weights: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{}', '00-0000.00')$$,
                 '22023', 'weights must name at least one signal', 'checked even when no occupation matches');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1, "job_vibes": 1}')$$,
                 '22023', 'unknown signal "job_vibes"', 'unknown signal: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": "0.5"}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number', 'a string weight: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": true}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number', 'a boolean weight: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": null}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number', 'a null weight: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1, "employer_demand": 0}')$$,
                 '22023', 'weight of signal "employer_demand" must be a positive number', 'a zero weight: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": -0.5}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number', 'a negative weight: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1e400}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number',
                 'a weight beyond float8 (no JSON infinity): 22023, not a cast error');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1e-400}')$$,
                 '22023', 'weight of signal "human_contribution" must be a positive number',
                 'a weight that would round to 0 in float8: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1, "task_exposure": 1}')$$,
                 '22023', 'weights mix resilience and exposure signals', 'mixed orientations without orientation: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1}', NULL, 'sideways')$$,
                 '22023', 'orientation must be resilience or exposure', 'an unknown orientation: 22023');
SELECT throws_ok($$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1}', NULL, 'Resilience')$$,
                 '22023', 'orientation must be resilience or exposure', 'orientation is case-sensitive: 22023');
SELECT is((SELECT score FROM airesilience.composite_scores('{"human_contribution": 4.9406564584124654e-324}', '29-2072.00')),
          (SELECT value FROM airesilience.occupation_signal WHERE onet_code = '29-2072.00' AND signal = 'human_contribution'),
          'the smallest float8 weight still weighs exactly (its share is taken before the product)');

------------------------------------------------------------------------------
-- One occupation computes only its own signals
------------------------------------------------------------------------------

-- labor_stats and labor_percentile are keyed by SOC code and reached
-- through the occupation's row: checked apart, below.
\ir include/plan_scans.sql
SELECT is((SELECT array_agg(u) FROM pg_temp.unfiltered_scans(
              $$SELECT * FROM airesilience.composite_scores('{"human_contribution": 1, "task_exposure": 1, "employer_demand": 1,
                  "economic_opportunity": 1, "digital_exposure": 1, "market_pressure": 1, "entry_barrier_erosion": 1}',
                  '29-2072.00', 'resilience')$$, '29-2072.00') u),
          NULL, 'composite_scores for one occupation: every per-occupation scan is limited to it');
SELECT is((SELECT array_agg(u) FROM pg_temp.unfiltered_scans(
              $$SELECT * FROM airesilience.composite_report WHERE onet_code = '29-2072.00'$$, '29-2072.00') u),
          NULL, 'composite_report for one occupation: every per-occupation scan is limited to it');
SELECT is((SELECT array_agg(u) FROM pg_temp.unfiltered_scans(
              $$SELECT * FROM airesilience.composite_signal_report WHERE onet_code = '29-2072.00'$$, '29-2072.00') u),
          NULL, 'composite_signal_report for one occupation: every per-occupation scan is limited to it');
-- The SOC-keyed tables: with sequential scans off (the sample is tiny), each
-- is an index lookup by the occupation's soc_code, not a pass over all.
SET LOCAL enable_seqscan = off;
CREATE FUNCTION pg_temp.soc_lookups(query text) RETURNS SETOF text
LANGUAGE sql AS $$
    SELECT DISTINCT s.relation || ': ' || coalesce(s.index_cond, s.node_type)
      FROM pg_temp.plan_scans(query) s
     WHERE s.relation IN ('labor_stats', 'labor_percentile')
$$;
SELECT ok((SELECT bool_and(l ~ '^labor_(stats|percentile): \(soc_code = \w+\.soc_code\)$') AND count(*) = 2
             FROM pg_temp.soc_lookups($$SELECT * FROM airesilience.composite_scores('{"employer_demand": 1, "market_pressure": 1}',
                                                                                   '29-2072.00', 'resilience')$$) l),
          'composite_scores for one occupation looks its BLS rows up by its soc_code');
RESET enable_seqscan;

------------------------------------------------------------------------------
-- User presets, and what the tables refuse
------------------------------------------------------------------------------

-- mine: resilience, labelled by change3; human_contribution 1,
-- market_pressure 3 (flipped: 100 - 14.5 = 85.5).  29-2072.00: (33.2790 +
-- 3 x 85.5) / 4 = 72.4448 -> Stable (> 65).
INSERT INTO airesilience.composite_preset (preset, description, orientation, label_scheme)
VALUES ('mine', 'test preset', 'resilience', 'change3');
INSERT INTO airesilience.composite_weight (preset, signal, weight)
VALUES ('mine', 'human_contribution', 1), ('mine', 'market_pressure', 3);
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'mine'),
                       ((SELECT value FROM expected_signal WHERE onet_code = '29-2072.00' AND signal = 'human_contribution')
                        + 3 * (100 - 14.5)) / 4,
                       'a user preset scores: (33.28 + 3 x 85.5) / 4');
SELECT is((SELECT label FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'mine'),
          'Stable', '... labelled under its own scheme (change3)');
SELECT is((SELECT value::numeric || '/' || flipped FROM airesilience.composite_signal_report
            WHERE onet_code = '29-2072.00' AND preset = 'mine' AND signal = 'market_pressure'),
          '85.5/true', '... an exposure signal in a resilience preset counts as 100 - value, flipped');
SELECT is((SELECT count(*) FROM airesilience.composite_report WHERE preset = 'mine'),
          (SELECT count(*) FROM airesilience.occupation), '... one row per occupation');
UPDATE airesilience.composite_weight SET weight = 1 WHERE preset = 'mine' AND signal = 'market_pressure';
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'mine'),
                       ((SELECT value FROM expected_signal WHERE onet_code = '29-2072.00' AND signal = 'human_contribution')
                        + (100 - 14.5)) / 2,
                       'its weights can be changed');
UPDATE airesilience.composite_preset SET preset = 'mine2' WHERE preset = 'mine';
SELECT is((SELECT array_agg(signal ORDER BY signal) FROM airesilience.composite_weight WHERE preset = 'mine2'),
          '{human_contribution,market_pressure}', 'renaming a user preset carries its weights');
INSERT INTO airesilience.composite_preset (preset, orientation, label_scheme) VALUES ('empty', 'exposure', 'tiers5');
SELECT is((SELECT count(*) FROM airesilience.composite_report WHERE preset = 'empty'), 0::bigint,
          'a preset without weights has no rows');
DELETE FROM airesilience.composite_preset WHERE preset IN ('mine2', 'empty');
SELECT is((SELECT count(*) FROM airesilience.composite_weight WHERE preset = 'mine2'), 0::bigint,
          'deleting a user preset deletes its weights');

-- Built-in presets and weights are read-only: 23001.
SELECT throws_ok($$UPDATE airesilience.composite_preset SET label_scheme = 'change3' WHERE preset = 'careervillage'$$,
                 '23001', NULL, 'a built-in preset cannot be changed');
SELECT throws_ok($$DELETE FROM airesilience.composite_preset WHERE preset = 'jobpocalypse'$$,
                 '23001', NULL, 'a built-in preset cannot be deleted');
SELECT throws_ok($$INSERT INTO airesilience.composite_preset (preset, orientation, label_scheme, builtin)
                   VALUES ('fake', 'resilience', 'resilience6', true)$$,
                 '23001', NULL, 'a user preset cannot claim to be built in');
SELECT throws_ok($$TRUNCATE airesilience.composite_preset CASCADE$$,
                 '23001', NULL, 'the presets cannot be truncated');
SELECT throws_ok($$UPDATE airesilience.composite_weight SET weight = 0.5
                    WHERE preset = 'careervillage' AND signal = 'human_contribution'$$,
                 '23001', NULL, 'a built-in weight cannot be changed');
SELECT throws_ok($$DELETE FROM airesilience.composite_weight WHERE preset = 'jobpocalypse' AND signal = 'digital_exposure'$$,
                 '23001', NULL, 'a built-in weight cannot be deleted');
SELECT throws_ok($$INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('careervillage', 'digital_exposure', 0.1)$$,
                 '23001', 'cannot change the weights of built-in preset "careervillage"',
                 'a built-in preset cannot gain a weight');
SELECT throws_ok($$TRUNCATE airesilience.composite_weight$$,
                 '23001', NULL, 'the weights cannot be truncated');

-- A weight names a known signal and is positive and finite: 22023.
INSERT INTO airesilience.composite_preset (preset, orientation, label_scheme) VALUES ('mine', 'exposure', 'tiers5');
INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('mine', 'task_exposure', 1);
SELECT throws_ok($$INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('mine', 'job_vibes', 1)$$,
                 '22023', 'unknown signal "job_vibes"', 'a preset weighing an unknown signal: 22023');
SELECT throws_ok($$INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('mine', 'market_pressure', 0)$$,
                 '22023', 'weight of signal "market_pressure" must be positive and finite', 'a zero weight: 22023');
SELECT throws_ok($$INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('mine', 'market_pressure', -1)$$,
                 '22023', 'weight of signal "market_pressure" must be positive and finite', 'a negative weight: 22023');
SELECT throws_ok($$INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('mine', 'market_pressure', 'Infinity')$$,
                 '22023', 'weight of signal "market_pressure" must be positive and finite', 'an infinite weight: 22023');
SELECT throws_ok($$INSERT INTO airesilience.composite_weight (preset, signal, weight) VALUES ('mine', 'market_pressure', 'NaN')$$,
                 '22023', 'weight of signal "market_pressure" must be positive and finite', 'a NaN weight: 22023');
SELECT throws_ok($$UPDATE airesilience.composite_weight SET weight = 0 WHERE preset = 'mine'$$,
                 '22023', 'weight of signal "task_exposure" must be positive and finite', 'updating a weight to 0: 22023');
SELECT throws_ok($$UPDATE airesilience.composite_weight SET preset = 'jobpocalypse' WHERE preset = 'mine'$$,
                 '23001', NULL, 'a user weight cannot be moved into a built-in preset');

-- The signals are fixed: 23001.
SELECT throws_ok($$INSERT INTO airesilience.signal VALUES ('job_vibes', 'exposure', 'x')$$,
                 '23001', NULL, 'no signal can be added');
SELECT throws_ok($$UPDATE airesilience.signal SET orientation = 'exposure' WHERE signal = 'human_contribution'$$,
                 '23001', NULL, 'no signal can be changed');
SELECT throws_ok($$DELETE FROM airesilience.signal WHERE signal = 'digital_exposure'$$,
                 '23001', NULL, 'no signal can be deleted');
SELECT throws_ok($$TRUNCATE airesilience.signal CASCADE$$,
                 '23001', NULL, 'the signals cannot be truncated');

------------------------------------------------------------------------------
-- Missing signals: dropped, the others renormalized
------------------------------------------------------------------------------

-- 29-2072.00 loses its digital_exposure value.  Jobpocalypse: (0.60 x
-- 58.8235 + 0.15 x 14.5 + 0.15 x 60) / 0.90 = 46.4691 / 0.9 = 51.6324 ->
-- Elevated (>= 40), coverage 0.90 / 1.00.  human_contribution is now the
-- mean of three sources: (41.18 + 72.94 + 9) / 3 = 41.04.
DELETE FROM airesilience.source_value WHERE onet_code = '29-2072.00' AND source = 'digital_exposure';
DELETE FROM expected_signal WHERE onet_code = '29-2072.00' AND signal = 'digital_exposure';
UPDATE expected_signal SET value = ((100 - 1000/17.0) + (100 - 27.060368865203227) + 9) / 3
 WHERE onet_code = '29-2072.00' AND signal = 'human_contribution';
SELECT is((SELECT count(*) FROM airesilience.occupation_signal WHERE onet_code = '29-2072.00' AND signal = 'digital_exposure'),
          0::bigint, 'without the source value there is no digital_exposure signal');
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'),
                       pg_temp.expected_score('29-2072.00', 'jobpocalypse'),
                       'Jobpocalypse without digital_exposure: renormalized over 0.90, 51.6324');
SELECT pg_temp.is_near((SELECT coverage FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'),
                       0.90, '... coverage 0.90');
SELECT results_eq(
    $$SELECT label, signals_used, signals_missing FROM airesilience.composite_report
       WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'$$,
    $$VALUES ('Elevated'::text, 3, '{digital_exposure}'::text[])$$,
    '... labelled Elevated, on 3 signals, digital_exposure missing');
SELECT is((SELECT (points IS NULL AND value IS NULL)::text || '/' || (breakdown->'digital_exposure')::text
             FROM airesilience.composite_signal_report s
             JOIN airesilience.composite_report r USING (onet_code, preset)
            WHERE s.onet_code = '29-2072.00' AND s.preset = 'jobpocalypse' AND s.signal = 'digital_exposure'),
          'true/{"value": null, "points": null, "weight": 0.1, "flipped": false}',
          '... the missing signal has no value and no points, in the view and in the breakdown');
SELECT pg_temp.is_near((SELECT points FROM airesilience.composite_signal_report
                         WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse' AND signal = 'entry_barrier_erosion'),
                       0.15 * 60 / 0.90, '... and the others weigh more: entry_barrier_erosion 0.15 x 60 / 0.90 = 10');
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'careervillage'),
                       pg_temp.expected_score('29-2072.00', 'careervillage'),
                       'CareerVillage follows the new human_contribution (41.04)');

-- Unknown wording and an unknown growth give no signal (labor_stats
-- rejects a NaN growth; market_pressure(NaN) is NULL, tested above).  (Both change the BLS
-- panel only for 29-2072's row; the percentiles of growth shift, so only
-- the presence of the signals is checked.)
UPDATE airesilience.labor_stats SET entry_education = 'See How to Become One', growth_pct = NULL WHERE soc_code = '29-2072';
SELECT is((SELECT signals_missing FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'),
          '{digital_exposure,entry_barrier_erosion,market_pressure}',
          'an unknown entry education and a NULL growth drop entry_barrier_erosion and market_pressure');
SELECT pg_temp.is_near((SELECT score FROM airesilience.composite_report WHERE onet_code = '29-2072.00' AND preset = 'jobpocalypse'),
                       1000 / 17.0, '... leaving task_exposure alone: 58.82');

-- An occupation without any data: no score, no label, nothing covered.
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES ('99-0001.00', 'Nothing known', 'healthcare');
SELECT results_eq(
    $$SELECT preset, score, label, signals_used, signals_missing, coverage
        FROM airesilience.composite_report WHERE onet_code = '99-0001.00' AND preset IN ('careervillage', 'jobpocalypse')
       ORDER BY preset$$,
    $$VALUES ('careervillage'::text, NULL::float8, NULL::text, 0, '{economic_opportunity,employer_demand,human_contribution}'::text[], 0::float8),
             ('jobpocalypse', NULL, NULL, 0, '{digital_exposure,entry_barrier_erosion,market_pressure,task_exposure}', 0)$$,
    'an occupation with no signal: NULL score and label, coverage 0, every signal missing');
SELECT is((SELECT score FROM airesilience.composite_scores('{"market_pressure": 1}', '99-0001.00')), NULL::float8,
          'composite_scores gives it a row with a NULL score');

SELECT * FROM finish();
ROLLBACK;

-- Seniority defaults: install_default_seniority_curves() derives a curve for
-- every category without one from the category's mean task exposure E, and
-- never touches an existing curve.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(22);

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is(
    (SELECT (provolatile, proparallel, proconfig, prorettype::regtype)::text
       FROM pg_proc WHERE oid = 'airesilience.install_default_seniority_curves()'::regprocedure),
    '(v,u,"{""search_path=pg_catalog, pg_temp""}",integer)',
    'install_default_seniority_curves is VOLATILE, returns integer, pins search_path');
SELECT ok(obj_description('airesilience.install_default_seniority_curves()'::regprocedure, 'pg_proc') IS NOT NULL,
          'install_default_seniority_curves has a comment');

------------------------------------------------------------------------------
-- Hand-made categories with known E
------------------------------------------------------------------------------
--
-- cat_a: three occupations.
--   91-0001.00, weights by task type: core task exposure 100 (w 2),
--     supplemental task exposure 50 (w 1): (2*100 + 1*50) / 3 = 83.333 -> 0.83333
--   91-0002.00, weights by ratings (core x importance x relevance / 100):
--     core, importance 4, relevance 50 -> w 4, raters 0 and 0 -> exposure 0;
--     supplemental, importance 5, relevance 100 -> w 5, raters 50 and 100 ->
--     median 75: (4*0 + 5*75) / 9 = 41.667 -> 0.41667
--   91-0003.00, tasks without ratings: not counted.
--   E = (0.83333 + 0.41667) / 2 = 0.625 over 2 of 3 occupations.
--   entry 0.97 - 0.30*0.625 = 0.7825, mid 1 - 0.08*0.625 = 0.95,
--   senior 1 + 0.04*0.625 = 1.025, lead 1 + 0.08*0.625 = 1.05.
-- cat_b: one occupation whose task has no rating -> E = 0.5 assumed:
--   0.97 - 0.15 = 0.82, 0.96, 1.02, 1.04.
-- cat_c: no occupation at all -> E = 0.5, the same curve.
-- cat_d: a hand-written curve, which must survive.
-- cat_e: every task rated 0 -> E = 0: 0.97 (still below 1), 1, 1, 1.
-- cat_f: one occupation, equal weights, exposures 100, 0, 0 -> 100/3 ->
--   E = 0.3333 (rounded to 4 decimals): entry 0.97 - 0.09999 = 0.87001,
--   mid 1 - 0.026664 = 0.973336, senior 1.013332, lead 1.026664.

INSERT INTO airesilience.category (category, title) VALUES
    ('cat_a', 'A'), ('cat_b', 'B'), ('cat_c', 'C'), ('cat_d', 'D'), ('cat_e', 'E'), ('cat_f', 'F');
INSERT INTO airesilience.occupation (onet_code, title, category) VALUES
    ('91-0001.00', 'A typed', 'cat_a'),
    ('91-0002.00', 'A rated', 'cat_a'),
    ('91-0003.00', 'A unrated', 'cat_a'),
    ('91-0004.00', 'B unrated', 'cat_b'),
    ('91-0005.00', 'D', 'cat_d'),
    ('91-0006.00', 'E zero', 'cat_e'),
    ('91-0007.00', 'F third', 'cat_f');
INSERT INTO airesilience.task (onet_code, task_id, description, task_type, importance, relevance) VALUES
    ('91-0001.00', 1, 'a1', 'core', NULL, NULL),
    ('91-0001.00', 2, 'a2', 'supplemental', NULL, NULL),
    ('91-0002.00', 1, 'b1', 'core', 4, 50),
    ('91-0002.00', 2, 'b2', 'supplemental', 5, 100),
    ('91-0003.00', 1, 'c1', NULL, NULL, NULL),
    ('91-0004.00', 1, 'd1', NULL, NULL, NULL),
    ('91-0005.00', 1, 'e1', NULL, NULL, NULL),
    ('91-0006.00', 1, 'f1', NULL, NULL, NULL),
    ('91-0006.00', 2, 'f2', NULL, NULL, NULL),
    ('91-0007.00', 1, 'g1', NULL, NULL, NULL),
    ('91-0007.00', 2, 'g2', NULL, NULL, NULL),
    ('91-0007.00', 3, 'g3', NULL, NULL, NULL);
INSERT INTO airesilience.rater (rater, kind) VALUES ('r_one', 'model'), ('r_two', 'human');
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES
    ('91-0001.00', 1, 'r_one', 100),
    ('91-0001.00', 2, 'r_one', 50),
    ('91-0002.00', 1, 'r_one', 0),
    ('91-0002.00', 1, 'r_two', 0),
    ('91-0002.00', 2, 'r_one', 50),
    ('91-0002.00', 2, 'r_two', 100),
    ('91-0005.00', 1, 'r_one', 90),
    ('91-0006.00', 1, 'r_one', 0),
    ('91-0006.00', 2, 'r_one', 0),
    ('91-0007.00', 1, 'r_one', 100),
    ('91-0007.00', 2, 'r_one', 0),
    ('91-0007.00', 3, 'r_one', 0);
INSERT INTO airesilience.seniority_curve (category, years, multipliers, description)
VALUES ('cat_d', '{0,10}', '{0.5,1.5}', 'hand-written');

-- Categories without a curve before the call: the six above but cat_d, plus
-- any the database already had.
CREATE TEMP TABLE expected_inserts AS
SELECT count(*)::integer AS n FROM airesilience.category c
 WHERE NOT EXISTS (SELECT FROM airesilience.seniority_curve s WHERE s.category = c.category);

SELECT is(airesilience.install_default_seniority_curves(), (SELECT n FROM expected_inserts),
          'one curve is inserted per category without a curve');
SELECT is((SELECT n FROM expected_inserts) >= 5, true, 'at least the five hand-made categories were missing a curve');

CREATE FUNCTION pg_temp.close(a float8[], b float8[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT array_length(a, 1) = array_length(b, 1)
       AND bool_and(abs(x - y) < 1e-12)
      FROM unnest(a, b) AS u(x, y)
$$;

SELECT is((SELECT years FROM airesilience.seniority_curve WHERE category = 'cat_a'), '{0,4,8,15}'::float8[],
          'the curve has the years of the built-in levels');
SELECT ok(pg_temp.close((SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'cat_a'),
                        '{0.7825,0.95,1.025,1.05}'),
          'cat_a: E = 0.625 -> 0.7825, 0.95, 1.025, 1.05');
SELECT is((SELECT description FROM airesilience.seniority_curve WHERE category = 'cat_a'),
          'Default curve (install_default_seniority_curves): E = 0.625, the mean task exposure of the category''s occupations with rated tasks: 2 of 3; multipliers entry 0.97 - 0.30 E, mid 1 - 0.08 E, senior 1 + 0.04 E, lead 1 + 0.08 E',
          'cat_a: the description says it is a default and gives E');
SELECT ok(pg_temp.close((SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'cat_b'),
                        '{0.82,0.96,1.02,1.04}'),
          'cat_b (no rated task): E = 0.5 -> 0.82, 0.96, 1.02, 1.04');
SELECT is((SELECT description FROM airesilience.seniority_curve WHERE category = 'cat_b'),
          'Default curve (install_default_seniority_curves): E = 0.5 assumed, as no occupation of the category has rated tasks: 0 of 1; multipliers entry 0.97 - 0.30 E, mid 1 - 0.08 E, senior 1 + 0.04 E, lead 1 + 0.08 E',
          'cat_b: the description says E was assumed');
SELECT ok(pg_temp.close((SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'cat_c'),
                        '{0.82,0.96,1.02,1.04}'),
          'cat_c (no occupation): E = 0.5');
SELECT is((SELECT (years, multipliers, description)::text FROM airesilience.seniority_curve WHERE category = 'cat_d'),
          '("{0,10}","{0.5,1.5}",hand-written)',
          'cat_d: an existing curve is left as it was');
SELECT ok(pg_temp.close((SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'cat_e'),
                        '{0.97,1,1,1}'),
          'cat_e: E = 0 -> entry 0.97, still below 1');
SELECT ok(pg_temp.close((SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'cat_f'),
                        '{0.87001,0.973336,1.013332,1.026664}'),
          'cat_f: E = 1/3 is rounded to 0.3333 before the multipliers are computed');
SELECT ok((SELECT description LIKE '%E = 0.3333, the mean task exposure of the category''s occupations with rated tasks: 1 of 1;%'
             FROM airesilience.seniority_curve WHERE category = 'cat_f'),
          'cat_f: the description gives the rounded E');

-- Properties of every default curve, whatever E.
SELECT is((SELECT count(*) FROM airesilience.seniority_curve
            WHERE description LIKE 'Default curve%'
              AND NOT (multipliers[1] < 1 AND multipliers[1] < multipliers[2]
                       AND multipliers[2] <= 1 AND 1 <= multipliers[3] AND multipliers[3] <= multipliers[4])),
          0::bigint,
          'every default curve: entry < 1, entry < mid <= 1 <= senior <= lead');
SELECT ok(pg_temp.close(ARRAY[airesilience.seniority_multiplier('cat_a', 0),
                              airesilience.seniority_multiplier('cat_a', 6),
                              airesilience.seniority_multiplier('cat_a', 40)],
                        ARRAY[0.7825, (0.95 + 1.025) / 2, 1.05]),
          'the curve reads through seniority_multiplier: 6 years is halfway between mid and senior, flat after lead');

------------------------------------------------------------------------------
-- Idempotence and refresh
------------------------------------------------------------------------------

CREATE TEMP TABLE curves_before AS SELECT * FROM airesilience.seniority_curve;
SELECT is(airesilience.install_default_seniority_curves(), 0, 'a second call inserts nothing');
SELECT set_eq('SELECT * FROM airesilience.seniority_curve', 'SELECT * FROM curves_before',
              'a second call changes nothing');

-- New ratings change E only after the default is deleted.
INSERT INTO airesilience.task_rating (onet_code, task_id, rater, exposure) VALUES ('91-0003.00', 1, 'r_one', 100);
SELECT is(airesilience.install_default_seniority_curves(), 0, 'new ratings do not overwrite a default curve');
DELETE FROM airesilience.seniority_curve WHERE category = 'cat_a';
SELECT is(airesilience.install_default_seniority_curves(), 1, 'a deleted default curve is recomputed');
-- now (0.83333 + 0.41667 + 1) / 3 = 0.75: entry 0.97 - 0.225 = 0.745
SELECT ok(pg_temp.close((SELECT multipliers FROM airesilience.seniority_curve WHERE category = 'cat_a'),
                        '{0.745,0.94,1.03,1.06}'),
          'cat_a recomputed with the third occupation: E = 0.75');

-- A category added later gets its curve on the next call.
INSERT INTO airesilience.category (category, title) VALUES ('cat_g', 'G');
SELECT is(airesilience.install_default_seniority_curves(), 1, 'a new category gets a curve on the next call');

SELECT * FROM finish();
ROLLBACK;

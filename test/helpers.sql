-- The SQL helpers a user may call on their own (normalize_linear,
-- normalize_percentile, task_weight, market_pressure): every argument gets a
-- documented result or an error with its SQLSTATE (22023 naming the
-- argument where the helper checks it), and the checks leave the
-- helpers inlinable, so the report views still see a plain expression.
--
-- Expected values by hand: normalize_linear(x, lo, hi, o) is
-- 100 (x - lo) / (hi - lo), or 100 minus that for exposure; task_weight is
-- (2 if core else 1) x importance x relevance / 100 with ratings;
-- market_pressure is 50 - 5 x growth with growth clamped to +/-10.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(21);
\ir include/error_detail.sql
-- The verbose plan of a query, as one line.
CREATE FUNCTION pg_temp.plan_text(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
        plan := plan || ' ' || line;
    END LOOP;
    RETURN plan;
END
$$;

-- normalize_linear
SELECT is(airesilience.normalize_linear(0.25, 0, 1, 'resilience'), 25::float8, 'linear: 0.25 on 0-1 is 25');
SELECT is(airesilience.normalize_linear(0.25, 0, 1, 'exposure'), 75::float8, 'linear: exposure flips it to 75');
SELECT is(airesilience.normalize_linear(3, 1, 5, 'exposure'), 50::float8, 'linear: 3 on 1-5 is the middle, 50');
SELECT throws_ok($$SELECT airesilience.normalize_linear(1, 1, 1, 'x')$$, '22023',
                 'scale_max must be a finite number greater than scale_min (1)', 'linear: an empty scale is 22023, not a division by zero');
SELECT throws_ok($$SELECT airesilience.normalize_linear(1, 2, 1, 'exposure')$$, '22023',
                 'scale_max must be a finite number greater than scale_min (2)', 'linear: a reversed scale is 22023');
SELECT throws_ok($$SELECT airesilience.normalize_linear(1, 0, 'NaN', 'exposure')$$, '22023',
                 'scale_max must be a finite number greater than scale_min (0)', 'linear: a NaN bound is 22023 (NaN sorts above every number)');
SELECT throws_ok($$SELECT airesilience.normalize_linear(1, '-Infinity', 1, 'exposure')$$, '22023',
                 'scale_min must be a finite number', 'linear: an infinite bound is 22023');
SELECT throws_ok($$SELECT airesilience.normalize_linear(1, 0, 2, 'x')$$, '22023',
                 'orientation must be exposure or resilience', 'linear: an unknown orientation is 22023');
SELECT is(pg_temp.error_detail($$SELECT airesilience.normalize_linear(1, 0, 2, 'x')$$), 'orientation is x.',
          'linear: the detail gives the value');
SELECT is(ARRAY[airesilience.normalize_linear(NULL, 0, 1, 'exposure'), airesilience.normalize_linear(1, NULL, 1, 'exposure'),
                airesilience.normalize_linear(1, 0, 1, NULL)],
          ARRAY[NULL, NULL, NULL]::float8[], 'linear: NULL in, NULL out');

-- normalize_percentile
SELECT is(ARRAY[airesilience.normalize_percentile(82, 'exposure'), airesilience.normalize_percentile(82, 'resilience')],
          ARRAY[18, 82]::float8[], 'percentile: 82 is 18 for an exposure source, 82 for a resilience one');
SELECT throws_ok($$SELECT airesilience.normalize_percentile(100.5, 'exposure')$$, '22023',
                 'percentile must be between 0 and 100', 'percentile: above 100 is 22023');
SELECT throws_ok($$SELECT airesilience.normalize_percentile(50, 'sideways')$$, '22023',
                 'orientation must be exposure or resilience', 'percentile: an unknown orientation is 22023');

-- task_weight
SELECT is(ARRAY[airesilience.task_weight('ratings', 'core', 4, 50), airesilience.task_weight('ratings', 'supplemental', 4, 50),
                airesilience.task_weight('types', 'core', NULL, NULL), airesilience.task_weight('equal', NULL, 1e308, 1e308)],
          ARRAY[4, 2, 2, 1]::float8[], 'task_weight: 2 x 4 x 50 / 100, 4 x 50 / 100, core, and ratings ignored without the ratings basis');
SELECT throws_ok($$SELECT airesilience.task_weight('ratings', 'core', 1e308, 1e308)$$, '22003',
                 'value out of range: overflow', 'task_weight: a product beyond float8 is 22003 (no check of its own in every report''s hot path: the task table''s CHECKs hold its inputs)');

-- market_pressure
SELECT is(ARRAY[airesilience.market_pressure(1e308), airesilience.market_pressure(-1e308),
                airesilience.market_pressure(-3.5)],
          ARRAY[0, 100, 67.5]::float8[], 'market_pressure: 1e308 is 0 and -1e308 is 100 (no overflow); -3.5 % is 67.5');

-- The checks do not stop inlining: with the scale given as constants, the
-- plan holds the arithmetic alone, and with columns, no call of a helper.
CREATE TEMP TABLE scale AS SELECT 0::float8 AS lo, 1::float8 AS hi, 0.5::float8 AS x, 'exposure'::text AS o;
SELECT unalike(pg_temp.plan_text(
                  $$SELECT airesilience.normalize_linear(x, 0, 1, 'exposure') FROM scale$$),
              '%normalize_linear%', 'normalize_linear is inlined');
SELECT unalike(pg_temp.plan_text(
                  $$SELECT airesilience.normalize_linear(x, lo, hi, o), airesilience.normalize_percentile(x, o),
                            airesilience.task_weight('ratings', o, x, x), airesilience.market_pressure(x) FROM scale$$),
              '%airesilience.normalize%', 'the helpers are inlined with column arguments');
SELECT alike(pg_temp.plan_text(
                  $$SELECT airesilience.normalize_linear(x, lo, hi, o) FROM scale$$),
            '%invalid_argument%', 'with column bounds the check stays in the plan, for run time');
SELECT unalike(pg_temp.plan_text(
                  $$SELECT airesilience.normalize_linear(x, 0, 1, 'exposure') FROM scale$$),
              '%invalid_argument%', 'with constant bounds the check is folded away');
SELECT is((SELECT count(*) FROM pg_proc WHERE oid = ANY (ARRAY[
               'airesilience.normalize_linear(float8, float8, float8, text)', 'airesilience.normalize_percentile(float8, text)',
               'airesilience.task_weight(text, text, float8, float8)', 'airesilience.market_pressure(float8)']::regprocedure[])
             AND prosqlbody IS NOT NULL AND proconfig IS NULL AND provolatile = 'i'),
          4::bigint, 'the four helpers are IMMUTABLE SQL-standard bodies without settings (bound at CREATE, inlinable)');

SELECT * FROM finish();
ROLLBACK;

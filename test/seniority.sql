-- Seniority: curve validation, interpolation, the adjusted score, the
-- seniority_level and seniority_curve tables, and seniority_multiplier().
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(108);

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is(
    (SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
       FROM pg_proc p
      WHERE p.pronamespace = 'airesilience'::regnamespace
        AND p.proname IN ('seniority_curve_check', 'seniority_interpolate', 'seniority_adjust')
        AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's')),
    NULL,
    'the C functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is(
    (SELECT (provolatile, proisstrict, proparallel, proconfig)::text
       FROM pg_proc WHERE oid = 'airesilience.seniority_multiplier(text, float8)'::regprocedure),
    '(s,t,s,"{""search_path=pg_catalog, pg_temp""}")',
    'seniority_multiplier is STABLE STRICT PARALLEL SAFE with a pinned search_path');
SELECT is(
    (SELECT array_agg(x ORDER BY x) FROM unnest(ARRAY[
        'airesilience.seniority_curve_check(float8[], float8[])'::regprocedure::oid,
        'airesilience.seniority_interpolate(float8[], float8[], float8)'::regprocedure,
        'airesilience.seniority_adjust(float8, float8)'::regprocedure,
        'airesilience.seniority_multiplier(text, float8)'::regprocedure]) x
      WHERE obj_description(x, 'pg_proc') IS NULL),
    NULL,
    'every seniority function has a comment');
SELECT ok(obj_description('airesilience.seniority_level'::regclass, 'pg_class') IS NOT NULL
          AND obj_description('airesilience.seniority_curve'::regclass, 'pg_class') IS NOT NULL,
          'both seniority tables have a comment');

------------------------------------------------------------------------------
-- seniority_curve_check
------------------------------------------------------------------------------

SELECT ok(airesilience.seniority_curve_check('{0,5,10}', '{0.8,1.0,1.1}'), 'a valid three-point curve passes');
SELECT ok(airesilience.seniority_curve_check('{3}', '{1.2}'), 'a one-point curve passes');
SELECT ok(airesilience.seniority_curve_check('[0:1]={0,5}', '[7:8]={1,2}'), 'lower bounds do not matter, only the order of the elements');
SELECT ok(airesilience.seniority_curve_check('{0,4,10}', '{1.25,1.25,0.5}'), 'multipliers may repeat and fall');
SELECT is(airesilience.seniority_curve_check(NULL, '{1}'), NULL, 'STRICT: a NULL array gives NULL');

SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5,5}', '{1,1,1}')$$,
                 '22023', 'years must be strictly increasing', 'equal years are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,10,5}', '{1,1,1}')$$,
                 '22023', 'years must be strictly increasing', 'falling years are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{1,1,1}')$$,
                 '22023', 'mismatched points in seniority curve', 'arrays of different lengths are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{}', '{}')$$,
                 '22023', 'seniority curve must have at least one point', 'an empty curve is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{{0,5},{6,7}}', '{1,1,1,1}')$$,
                 '22023', 'years must be a one-dimensional array', 'two-dimensional years are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{{1,1}}')$$,
                 '22023', 'multipliers must be a one-dimensional array', 'two-dimensional multipliers are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,NULL}', '{1,1}')$$,
                 '22004', 'years must not contain nulls', 'a NULL year is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{NULL,1}')$$,
                 '22004', 'multipliers must not contain nulls', 'a NULL multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{-1,5}', '{1,1}')$$,
                 '22003', 'years must not be negative', 'negative years are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{1,0}')$$,
                 '22003', 'multipliers must be positive', 'a zero multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{-0.5,1}')$$,
                 '22003', 'multipliers must be positive', 'a negative multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,NaN}', '{1,1}')$$,
                 '22023', 'years must be finite', 'NaN years are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,Infinity}', '{1,1}')$$,
                 '22023', 'years must be finite', 'infinite years are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{NaN,1}')$$,
                 '22023', 'multipliers must be finite', 'a NaN multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{1,Infinity}')$$,
                 '22023', 'multipliers must be finite', 'an infinite multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_curve_check('{0,5}', '{-Infinity,1}')$$,
                 '22023', 'multipliers must be finite', 'a multiplier of -Infinity is non-finite before it is non-positive');
-- The error names the offending subscripts as the user wrote them.
\ir include/error_detail.sql
SELECT is(pg_temp.error_detail($$SELECT airesilience.seniority_curve_check('{0,5,5}', '{1,1,1}')$$),
          'years[3] = 5 does not exceed years[2] = 5.', 'the detail names the two years out of order');
SELECT is(pg_temp.error_detail($$SELECT airesilience.seniority_curve_check('[0:2]={0,5,5}', '{1,1,1}')$$),
          'years[2] = 5 does not exceed years[1] = 5.', '... by their subscripts, whatever the lower bound');
SELECT is(pg_temp.error_detail($$SELECT airesilience.seniority_curve_check('{0,5}', '{1,1,1}')$$),
          'years has 2 elements and multipliers has 3.', 'the detail of a length mismatch gives both lengths');

------------------------------------------------------------------------------
-- seniority_interpolate
------------------------------------------------------------------------------

-- Curve years {0,5,10}, multipliers {0.8,1.0,1.1}:
--   at 0    -> 0.8 (the first point)
--   at 2.5  -> 0.8 + (1.0 - 0.8) * 2.5 / 5 = 0.8 + 0.1 = 0.9
--   at 5    -> 1.0 (a point: its own multiplier)
--   at 7.5  -> 1.0 + (1.1 - 1.0) * 2.5 / 5 = 1.0 + 0.05 = 1.05
--   at 10   -> 1.1 (the last point)
--   at 20   -> 1.1 (flat beyond the last point)
--   at 1    -> 0.8 + 0.2 * 1 / 5 = 0.84
SELECT is(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 0), 0.8::float8, 'at 0 years: the first multiplier, 0.8');
SELECT ok(abs(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 2.5) - 0.9) < 1e-12, 'at 2.5 years: halfway from 0.8 to 1.0, 0.9');
SELECT is(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 5), 1.0::float8, 'at 5 years, a point: exactly 1.0');
SELECT ok(abs(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 7.5) - 1.05) < 1e-12, 'at 7.5 years: halfway from 1.0 to 1.1, 1.05');
SELECT is(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 10), 1.1::float8, 'at 10 years, the last point: exactly 1.1');
SELECT is(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 20), 1.1::float8, 'at 20 years, beyond the curve: flat at 1.1');
SELECT is(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 'Infinity'), 1.1::float8, 'at Infinity years: the last multiplier');
SELECT ok(abs(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 1) - 0.84) < 1e-12, 'at 1 year: 0.8 + 0.2 / 5 = 0.84');

-- Curve {2,6} -> {0.5,1.5}: flat at 0.5 below 2 years; at 4: 0.5 + 1.0 * 2 / 4 = 1.0.
SELECT is(airesilience.seniority_interpolate('{2,6}', '{0.5,1.5}', 0), 0.5::float8, 'below the first point: flat at the first multiplier');
SELECT is(airesilience.seniority_interpolate('{2,6}', '{0.5,1.5}', 4), 1.0::float8, 'a curve starting at 2 years: at 4, 1.0');
-- Falling curve {0,4,10} -> {1.25,1.25,0.5}: at 2: 1.25; at 7: 1.25 - 0.75 * 3 / 6 = 0.875.
SELECT is(airesilience.seniority_interpolate('{0,4,10}', '{1.25,1.25,0.5}', 2), 1.25::float8, 'a flat segment stays flat');
SELECT is(airesilience.seniority_interpolate('{0,4,10}', '{1.25,1.25,0.5}', 7), 0.875::float8, 'a falling segment: 1.25 - 0.75 * 3 / 6 = 0.875');
-- A one-point curve is flat everywhere.
SELECT is(ARRAY[airesilience.seniority_interpolate('{3}', '{1.2}', 0),
                airesilience.seniority_interpolate('{3}', '{1.2}', 3),
                airesilience.seniority_interpolate('{3}', '{1.2}', 100)],
          '{1.2,1.2,1.2}'::float8[], 'a one-point curve gives its multiplier at any years');
-- Eight points (y, y + 1) for y = 0..7: the multiplier at x is x + 1, so
-- every point and every midpoint checks the search for the segment.
SELECT is((SELECT array_agg(airesilience.seniority_interpolate('{0,1,2,3,4,5,6,7}', '{1,2,3,4,5,6,7,8}', x) - (x + 1)
                            ORDER BY x)
             FROM generate_series(0, 14) i, LATERAL (SELECT i / 2.0::float8 AS x) s),
          array_fill(0::float8, ARRAY[15]),
          'an eight-point curve is read on the right segment at every point and midpoint');
SELECT is(airesilience.seniority_interpolate('[0:2]={0,5,10}', '{0.8,1.0,1.1}', 5), 1.0::float8, 'lower bounds do not matter');
SELECT is(airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', '-0'), 0.8::float8, '-0 years is 0 years');
-- Huge values: (m1 - m0) * (at - y0) overflows; the result must not.
-- {0,1e300} -> {1,1e300} at 5e299: 1 + (1e300 - 1) * 0.5 = 5e299.
SELECT ok(abs(airesilience.seniority_interpolate('{0,1e300}', '{1,1e300}', 5e299) / 5e299 - 1) < 1e-12,
          'no overflow with huge years and multipliers');
SELECT is(airesilience.seniority_interpolate('{0,5}', '{1,1}', NULL), NULL, 'STRICT: NULL years of experience give NULL');

SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', -1)$$,
                 '22003', 'years of experience must not be negative', 'negative years of experience are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', '-Infinity')$$,
                 '22003', 'years of experience must not be negative', '-Infinity years of experience are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,5,10}', '{0.8,1.0,1.1}', 'NaN')$$,
                 '22023', 'years of experience must not be NaN', 'NaN years of experience are rejected');
SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,10,5}', '{0.8,1.0,1.1}', 1)$$,
                 '22023', 'years must be strictly increasing', 'the curve is validated like seniority_curve_check');
SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,5}', '{0.8,0}', 1)$$,
                 '22003', 'multipliers must be positive', '... also its multipliers');
SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,5}', '{0.8}', 1)$$,
                 '22023', 'mismatched points in seniority curve', '... and its lengths');
SELECT throws_ok($$SELECT airesilience.seniority_interpolate('{0,NULL}', '{0.8,1}', 1)$$,
                 '22004', 'years must not contain nulls', '... and its NULLs');

------------------------------------------------------------------------------
-- seniority_adjust: clamp(score * multiplier, 0, 100)
------------------------------------------------------------------------------

SELECT is(airesilience.seniority_adjust(50, 1.5), 75::float8, '50 x 1.5 = 75');
SELECT is(airesilience.seniority_adjust(40, 0.5), 20::float8, '40 x 0.5 = 20');
SELECT is(airesilience.seniority_adjust(80, 1.5), 100::float8, '80 x 1.5 = 120, clamped to 100');
SELECT is(airesilience.seniority_adjust(100, 1), 100::float8, '100 x 1 = 100');
SELECT is(airesilience.seniority_adjust(0, 2), 0::float8, '0 x 2 = 0');
SELECT is(airesilience.seniority_adjust(50, 1e308), 100::float8, '50 x 1e308 overflows to Infinity, clamped to 100');
SELECT is(airesilience.seniority_adjust('-0', 1)::text, '0', '-0 comes back as 0');
SELECT is(airesilience.seniority_adjust(NULL, 1), NULL, 'STRICT: a NULL score gives NULL');

SELECT throws_ok($$SELECT airesilience.seniority_adjust('NaN', 1)$$,
                 '22023', 'score must not be NaN', 'a NaN score is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(-1, 1)$$,
                 '22003', 'score -1 is out of range', 'a score below 0 is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(100.5, 1)$$,
                 '22003', 'score 100.5 is out of range', 'a score above 100 is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust('Infinity', 1)$$,
                 '22003', NULL, 'an infinite score is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(50, 'NaN')$$,
                 '22023', 'multiplier must be finite', 'a NaN multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(50, 'Infinity')$$,
                 '22023', 'multiplier must be finite', 'an infinite multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(50, '-Infinity')$$,
                 '22023', 'multiplier must be finite', 'a multiplier of -Infinity is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(50, 0)$$,
                 '22003', 'multiplier must be positive', 'a zero multiplier is rejected');
SELECT throws_ok($$SELECT airesilience.seniority_adjust(50, -1)$$,
                 '22003', 'multiplier must be positive', 'a negative multiplier is rejected');

------------------------------------------------------------------------------
-- seniority_level
------------------------------------------------------------------------------

SELECT results_eq(
    $$SELECT level, years, position::int, builtin, description IS NOT NULL
        FROM airesilience.seniority_level ORDER BY position$$,
    $$VALUES ('entry'::text, 0::float8, 1, true, true),
             ('mid', 4, 2, true, true),
             ('senior', 8, 3, true, true),
             ('lead', 15, 4, true, true)$$,
    'the built-in levels: entry 0, mid 4, senior 8, lead 15 years, with descriptions');
SELECT throws_ok($$UPDATE airesilience.seniority_level SET years = 5 WHERE level = 'mid'$$,
                 '23001', 'cannot update built-in row of airesilience.seniority_level', 'built-in levels are read-only');
SELECT throws_ok($$DELETE FROM airesilience.seniority_level WHERE level = 'lead'$$,
                 '23001', 'cannot delete built-in row of airesilience.seniority_level', 'built-in levels cannot be deleted');
SELECT lives_ok($$INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('principal', 20, 5)$$,
                'a level of one''s own can be added');
SELECT is((SELECT builtin FROM airesilience.seniority_level WHERE level = 'principal'), false, '... is not built in');
SELECT lives_ok($$UPDATE airesilience.seniority_level SET years = 22 WHERE level = 'principal'$$,
                '... changed');
SELECT lives_ok($$DELETE FROM airesilience.seniority_level WHERE level = 'principal'$$,
                '... and deleted');
SELECT throws_ok($$INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('Staff Engineer', 10, 6)$$,
                 '23514', NULL, 'level names are lower-case identifiers');
SELECT throws_ok($$INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('staff', -1, 6)$$,
                 '23514', NULL, 'negative years are rejected');
SELECT throws_ok($$INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('staff', 'Infinity', 6)$$,
                 '23514', NULL, 'infinite years are rejected');
SELECT throws_ok($$INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('staff', 'NaN', 6)$$,
                 '23514', NULL, 'NaN years are rejected');
SELECT throws_ok($$INSERT INTO airesilience.seniority_level (level, years, position) VALUES ('staff', 10, 3)$$,
                 '23505', NULL, 'positions are unique');
\ir include/dump_condition.sql
SELECT is(pg_temp.dump_condition('airesilience.seniority_level'),
          'WHERE NOT builtin', 'pg_dump dumps only the levels users add');

------------------------------------------------------------------------------
-- seniority_curve
------------------------------------------------------------------------------

INSERT INTO airesilience.category (category, title) VALUES ('healthcare', 'Healthcare'), ('technology', 'Technology');

SELECT lives_ok($$INSERT INTO airesilience.seniority_curve (category, years, multipliers)
                  VALUES ('healthcare', '{0,5,10}', '{0.8,1.0,1.1}')$$,
                'a valid curve is stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{0,10,5}', '{0.8,1.0,1.1}')$$,
                 '22023', 'years must be strictly increasing', 'a curve with unsorted years is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{0,5,10}', '{0.8,0,1.1}')$$,
                 '22003', 'multipliers must be positive', 'a curve with a zero multiplier is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{0,5,10}', '{0.8,1.0}')$$,
                 '22023', 'mismatched points in seniority curve', 'a curve with mismatched lengths is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{0,NaN,10}', '{0.8,1.0,1.1}')$$,
                 '22023', 'years must be finite', 'a curve with NaN years is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{0,5,10}', '{0.8,NaN,1.1}')$$,
                 '22023', 'multipliers must be finite', 'a curve with a NaN multiplier is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{0,NULL,10}', '{0.8,1.0,1.1}')$$,
                 '22004', 'years must not contain nulls', 'a curve with a NULL element is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{}', '{}')$$,
                 '22023', 'seniority curve must have at least one point', 'an empty curve is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', '{-2,5}', '{0.8,1.0}')$$,
                 '22003', 'years must not be negative', 'a curve with negative years is rejected when stored');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('technology', NULL, '{1}')$$,
                 '23502', NULL, 'years are required');
SELECT throws_ok($$UPDATE airesilience.seniority_curve SET years = '{0,5,5}' WHERE category = 'healthcare'$$,
                 '22023', 'years must be strictly increasing', 'an update that breaks a curve is rejected');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('nursing', '{0}', '{1}')$$,
                 '23503', NULL, 'a curve of an unknown category is rejected');
SELECT throws_ok($$INSERT INTO airesilience.seniority_curve VALUES ('healthcare', '{0}', '{1}')$$,
                 '23505', NULL, 'one curve per category');
SELECT is(pg_temp.dump_condition('airesilience.seniority_curve'),
          '', 'pg_dump dumps every curve');

------------------------------------------------------------------------------
-- seniority_multiplier: the stored curve, interpolated
------------------------------------------------------------------------------

-- healthcare: {0,5,10} -> {0.8,1.0,1.1}, as above.
SELECT ok(abs(airesilience.seniority_multiplier('healthcare', 2.5) - 0.9) < 1e-12, 'healthcare at 2.5 years: 0.9');
SELECT is(airesilience.seniority_multiplier('healthcare', 0), 0.8::float8, 'healthcare at 0 years: 0.8');
SELECT is(airesilience.seniority_multiplier('healthcare', 20), 1.1::float8, 'healthcare at 20 years: 1.1');
-- At the built-in levels: entry 0 -> 0.8; mid 4 -> 0.8 + 0.2 * 4 / 5 = 0.96;
-- senior 8 -> 1.0 + 0.1 * 3 / 5 = 1.06; lead 15 -> 1.1.
SELECT is(
    (SELECT array_agg(round(airesilience.seniority_multiplier('healthcare', l.years)::numeric, 12) ORDER BY l.position)
       FROM airesilience.seniority_level l),
    '{0.8,0.96,1.06,1.1}'::numeric[],
    'healthcare at the built-in levels: 0.8, 0.96, 1.06, 1.1');
SELECT is(airesilience.seniority_multiplier(NULL, 1), NULL, 'STRICT: a NULL category gives NULL');
SELECT is(airesilience.seniority_multiplier('healthcare', NULL), NULL, 'STRICT: NULL years give NULL');
SELECT throws_ok($$SELECT airesilience.seniority_multiplier('technology', 1)$$,
                 '22023', 'no seniority curve for category "technology"', 'a category without a curve is an error');
SELECT throws_ok($$SELECT airesilience.seniority_multiplier('nursing', 1)$$,
                 '22023', 'no seniority curve for category "nursing"', 'an unknown category is an error');
SELECT throws_ok($$SELECT airesilience.seniority_multiplier('healthcare', -1)$$,
                 '22003', 'years of experience must not be negative', 'negative years are an error');

-- Renaming a category carries its curve along; deleting it drops the curve.
UPDATE airesilience.category SET category = 'health' WHERE category = 'healthcare';
SELECT is(airesilience.seniority_multiplier('health', 10), 1.1::float8, 'a renamed category keeps its curve');
DELETE FROM airesilience.category WHERE category = 'health';
SELECT is((SELECT count(*) FROM airesilience.seniority_curve), 0::bigint, 'deleting a category deletes its curve');

SELECT * FROM finish();
ROLLBACK;

-- airesilience.weighted_resilience(score, weight): exact arithmetic, order and
-- plan independence, the empty cases, every error with its SQLSTATE, and the
-- parallel path (serialize, deserialize, combine).
BEGIN;
SET client_min_messages = warning;
SELECT plan(80);

-- Runs EXPLAIN (COSTS OFF) on a statement and returns the plan as one text.
CREATE FUNCTION pg_temp.plan_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || statement LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN plan;
END
$$;

------------------------------------------------------------------------------
-- Hand-worked cases
------------------------------------------------------------------------------

-- (100*1 + 50*2 + 0*1) / (1 + 2 + 1) = 200 / 4 = 50
SELECT is(airesilience.weighted_resilience(s, w), 50::float8, 'scores 100, 50, 0 weighted 1, 2, 1 give 50')
FROM (VALUES (100::float8, 1::float8), (50, 2), (0, 1)) v(s, w);

-- (80*3 + 20*1) / (3 + 1) = 260 / 4 = 65
SELECT is(airesilience.weighted_resilience(s, w), 65::float8, 'scores 80, 20 weighted 3, 1 give 65')
FROM (VALUES (80::float8, 3::float8), (20, 1)) v(s, w);

-- Equal weights give the plain mean: (10 + 20 + 40) / 3 = 70/3, correctly
-- rounded, which is what float8 division 70/3 returns.
SELECT is(airesilience.weighted_resilience(s, w), 70::float8 / 3, 'equal weights give the arithmetic mean 70/3, correctly rounded')
FROM (VALUES (10::float8, 0.5::float8), (20, 0.5), (40, 0.5)) v(s, w);

-- A zero weight drops its row: (50*1 + 100*0) / (1 + 0) = 50
SELECT is(airesilience.weighted_resilience(s, w), 50::float8, 'a row with weight 0 does not count')
FROM (VALUES (50::float8, 1::float8), (100, 0)) v(s, w);

-- One row: (s*w) / w = s exactly, whatever the weight, down to the smallest
-- subnormal (there s*w itself underflows; those products are summed scaled).
SELECT is(array_agg(r ORDER BY w), array_fill(33.3::float8, ARRAY[5]), 'a single row returns its score exactly, for weights from 5e-324 to 1e300')
FROM (SELECT w, airesilience.weighted_resilience(33.3, w) AS r
      FROM unnest('{5e-324, 1e-310, 0.1, 7, 1e300}'::float8[]) w
      GROUP BY w) x;

-- Subnormal weights 1 and 3 units of 2^-1074: (33.25*1 + 66.5*3) / 4 =
-- 232.75 / 4 = 58.1875.  Naive products round to whole units (33 and 200),
-- giving 233 / 4 = 58.25.
SELECT is(airesilience.weighted_resilience(s, w), 58.1875::float8, 'products of subnormal weights are exact: 58.1875')
FROM (VALUES (33.25::float8, 5e-324::float8), (66.5, 1.5e-323)) v(s, w);
SELECT is(sum(s * w) / sum(w), 58.25::float8, '... where the naive float8 formula gives 58.25')
FROM (VALUES (33.25::float8, 5e-324::float8), (66.5, 1.5e-323)) v(s, w);

-- One product above the 2^-900 threshold and one below it:
-- (1 * 2^-899 + 0.75 * 2^-901) / (2^-899 + 2^-901) = (4 + 0.75) / (4 + 1) = 0.95
SELECT is(airesilience.weighted_resilience(s, w), 0.95::float8, 'products on both sides of the underflow threshold combine: 0.95')
FROM (VALUES (1::float8, 2::float8 ^ -899), (0.75, 2::float8 ^ -901)) v(s, w);

-- Scores of 0 and 100 stay in range; -0 is accepted as 0.
SELECT is(airesilience.weighted_resilience(s, w), 100::float8, 'all scores 100 give exactly 100')
FROM (VALUES (100::float8, 0.1::float8), (100, 0.7), (100, 1e10)) v(s, w);
SELECT is(airesilience.weighted_resilience(s, w), 0::float8, 'scores 0 and -0 give 0')
FROM (VALUES (0::float8, 0.3::float8), ('-0'::float8, 2)) v(s, w);

-- The largest sums that still fit: 100 * 1e306 = 1e308 < DBL_MAX.
SELECT is(airesilience.weighted_resilience(s, w), 100::float8, 'a weighted sum just below DBL_MAX is fine')
FROM (VALUES (100::float8, 1e306::float8)) v(s, w);

------------------------------------------------------------------------------
-- Against exact numeric arithmetic
------------------------------------------------------------------------------

-- Three populations of 400 groups of 1 to 23 rows, all numbers exact in
-- binary and with exact short decimals, so that the numeric and float8
-- columns, each built from the same random integers, hold the same numbers:
--   groups    1-400: scores k/1024 (k < 2^17), weights m/256 (m <= 100000);
--   groups  401-800: the same scores, weights m * 2^e (m < 2^20, e in
--                    [-30, 30]), so naive sums lose bits;
--   groups 801-1200: scores k/2^46 and weights m * 2^e with 53-bit k and m,
--                    so every product is inexact in float8 too.
-- The numeric quotient carries 160 fractional digits, far more than the
-- smallest possible mean needs, and numeric -> float8 rounds correctly (it
-- goes through strtod).
CREATE TABLE wr_rand (g int, i int, k int8, m int8, e int, s_num numeric, w_num numeric, score float8, weight float8);
DO $$ BEGIN PERFORM setseed(0.31); END $$;
INSERT INTO wr_rand (g, i, k, m, e)
SELECT g, i,
       CASE WHEN g <= 800 THEN floor(random() * 102401) ELSE floor(random() * 100 * 2::float8 ^ 46) END,
       CASE WHEN g <= 400 THEN floor(random() * 100001)
            WHEN g <= 800 THEN floor(random() * 2::float8 ^ 20)
            ELSE 2::float8 ^ 52 + floor(random() * 2::float8 ^ 52) END,
       CASE WHEN g <= 400 THEN -8 ELSE floor(random() * 61) - 30 END
FROM generate_series(1, 1200) g, generate_series(1, 1 + g % 23) i;
-- The decimals are 2^-10, 2^-46 and 2^-30, exactly.
UPDATE wr_rand
SET s_num = CASE WHEN g <= 800 THEN k * 0.0009765625
                 ELSE k * 0.0000000000000142108547152020037174224853515625 END,
    w_num = m * (1::int8 << (e + 30))::numeric * 0.000000000931322574615478515625,
    score = k / CASE WHEN g <= 800 THEN 2::float8 ^ 10 ELSE 2::float8 ^ 46 END,
    weight = m * 2::float8 ^ e;

CREATE TABLE wr_rand_result AS
SELECT g,
       airesilience.weighted_resilience(score, weight) AS ours,
       (sum(s_num * w_num)::numeric(1000, 160) / NULLIF(sum(w_num), 0))::float8 AS exact,
       sum(score * weight) / NULLIF(sum(weight), 0) AS naive
FROM wr_rand
GROUP BY g;

SELECT is((SELECT count(*) FROM wr_rand WHERE s_num::float8 <> score OR w_num::float8 <> weight), 0::bigint,
          'the numeric and float8 columns hold the same numbers');
SELECT is((SELECT count(*) FROM wr_rand_result), 1200::bigint, '1200 random groups');
SELECT is((SELECT count(*) FROM wr_rand_result WHERE g <= 400 AND ours IS DISTINCT FROM exact), 0::bigint,
          'weights m/256: every group equals the correctly rounded numeric mean');
SELECT is((SELECT count(*) FROM wr_rand_result WHERE g BETWEEN 401 AND 800 AND ours IS DISTINCT FROM exact), 0::bigint,
          'weights m * 2^e: every group equals the correctly rounded numeric mean');
SELECT is((SELECT count(*) FROM wr_rand_result WHERE g > 800 AND ours IS DISTINCT FROM exact), 0::bigint,
          '53-bit scores and weights: every group equals the correctly rounded numeric mean');
SELECT ok((SELECT count(*) FROM wr_rand_result WHERE g BETWEEN 401 AND 800 AND naive IS DISTINCT FROM exact) > 0,
          '... where the naive sum(score*weight)/sum(weight) is wrong in some groups of m * 2^e weights');
SELECT ok((SELECT count(*) FROM wr_rand_result WHERE g > 800 AND naive IS DISTINCT FROM exact) > 0,
          '... and in some groups of 53-bit numbers');

-- One weight of 2^53 and 1000 weights of 1: exact mean
-- (100 * 2^53 + 50 * 1000) / (2^53 + 1000) = 100 - 50000 / (2^53 + 1000),
-- about 390 ulps below 100.  A naive float8 sum that starts with the big
-- weight drops every later 1 (and every 50 from the numerator): it says 100.
CREATE TABLE wr_lopsided AS
SELECT 100::float8 AS score, 9007199254740992::float8 AS weight
UNION ALL
SELECT 50, 1 FROM generate_series(1, 1000);

SELECT is(airesilience.weighted_resilience(score, weight ORDER BY weight DESC),
          ((100 * 9007199254740992 + 50 * 1000)::numeric(1000, 160) / (9007199254740992 + 1000))::float8,
          'big weight first: equals the exact mean')
FROM wr_lopsided;
SELECT is(airesilience.weighted_resilience(score, weight ORDER BY weight),
          ((100 * 9007199254740992 + 50 * 1000)::numeric(1000, 160) / (9007199254740992 + 1000))::float8,
          'big weight last: equals the exact mean')
FROM wr_lopsided;
SELECT is(sum(score * weight ORDER BY weight DESC) / sum(weight ORDER BY weight DESC), 100::float8,
          '... which naive float8 sums round to 100')
FROM wr_lopsided;
SELECT ok(airesilience.weighted_resilience(score, weight) < 100, 'the small weights are not lost')
FROM wr_lopsided;

------------------------------------------------------------------------------
-- Order independence
------------------------------------------------------------------------------

SELECT is((SELECT count(*)
           FROM (SELECT float8send(airesilience.weighted_resilience(score, weight ORDER BY i)) AS a,
                        float8send(airesilience.weighted_resilience(score, weight ORDER BY i DESC)) AS b,
                        float8send(airesilience.weighted_resilience(score, weight ORDER BY weight)) AS c,
                        float8send(airesilience.weighted_resilience(score, weight ORDER BY weight DESC)) AS d,
                        float8send(airesilience.weighted_resilience(score, weight ORDER BY score, weight DESC)) AS e
                 FROM wr_rand GROUP BY g) x
           WHERE a <> b OR a <> c OR a <> d OR a <> e), 0::bigint,
          'five row orders give bit-identical results in all 1200 groups');
SELECT ok((SELECT count(*)
           FROM (SELECT sum(score * weight ORDER BY weight) / sum(weight ORDER BY weight) AS a,
                        sum(score * weight ORDER BY weight DESC) / sum(weight ORDER BY weight DESC) AS b
                 FROM wr_rand GROUP BY g) x
           WHERE a <> b) > 0,
          '... where the naive formula depends on the order in some groups');

------------------------------------------------------------------------------
-- NULLs and empty input
------------------------------------------------------------------------------

SELECT is(airesilience.weighted_resilience(s, w), 80::float8, 'rows with a NULL score or weight are skipped')
FROM (VALUES (NULL::float8, 1::float8), (50, NULL), (80, 2), (NULL, NULL)) v(s, w);
SELECT is(airesilience.weighted_resilience(s, w), NULL, 'only NULL rows give NULL')
FROM (VALUES (NULL::float8, 1::float8), (50, NULL)) v(s, w);
SELECT is(airesilience.weighted_resilience(s, w), NULL, 'total weight 0 gives NULL')
FROM (VALUES (50::float8, 0::float8), (70, '-0')) v(s, w);
CREATE TABLE wr_empty (g int, score float8, weight float8);
SELECT is((SELECT airesilience.weighted_resilience(score, weight) FROM wr_empty), NULL, 'an empty table gives NULL');
SELECT is((SELECT count(*) FROM (SELECT g, airesilience.weighted_resilience(score, weight) FROM wr_empty GROUP BY g) x), 0::bigint,
          'an empty table gives no groups under GROUP BY');
SELECT results_eq(
    $$SELECT g, airesilience.weighted_resilience(s, w) FROM (VALUES (1, 50::float8, 1::float8), (2, 40, 0), (3, NULL, 1), (3, 10, 1)) v(g, s, w) GROUP BY g ORDER BY g$$,
    $$VALUES (1, 50::float8), (2, NULL), (3, 10)$$,
    'per group: a value, NULL for zero weight, NULL rows skipped');

------------------------------------------------------------------------------
-- Errors
------------------------------------------------------------------------------

SELECT throws_ok($$SELECT airesilience.weighted_resilience(101, 1)$$,
                 '22003', 'score 101 is outside the range 0 to 100', 'a score above 100 is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(-0.5, 1)$$,
                 '22003', 'score -0.5 is outside the range 0 to 100', 'a negative score is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(100.00000000000001, 1)$$,
                 '22003', 'score 100.00000000000001 is outside the range 0 to 100', 'the message shows the value in full');
SELECT throws_ok($$SELECT airesilience.weighted_resilience('Infinity', 1)$$,
                 '22003', 'score Infinity is outside the range 0 to 100', 'an infinite score is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience('-Infinity', 1)$$,
                 '22003', 'score -Infinity is outside the range 0 to 100', 'a score of -Infinity is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience('NaN', 1)$$,
                 '22023', 'score NaN is not a valid resilience score', 'a NaN score is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(50, -1)$$,
                 '22003', 'weight -1 is negative', 'a negative weight is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(50, 'NaN')$$,
                 '22023', 'weight NaN is not a finite number', 'a NaN weight is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(50, 'Infinity')$$,
                 '22023', 'weight Infinity is not a finite number', 'an infinite weight is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(50, '-Infinity')$$,
                 '22023', 'weight -Infinity is not a finite number', 'a weight of -Infinity is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience('NaN', -1)$$,
                 '22023', 'score NaN is not a valid resilience score', 'the score is checked before the weight');
SELECT throws_ok($$SELECT g, airesilience.weighted_resilience(s, w ORDER BY o)
                   FROM (VALUES (1, 1, 50::float8, 1::float8), (1, 2, 60, 1), (2, 3, 101, 1), (2, 4, 50, 1)) v(g, o, s, w)
                   GROUP BY g$$,
                 '22003', 'score 101 is outside the range 0 to 100', 'a bad first row of a later group is rejected');
SELECT throws_ok($$SELECT g, airesilience.weighted_resilience(s, w ORDER BY o)
                   FROM (VALUES (1, 1, 50::float8, 1::float8), (1, 2, 60, 1), (2, 3, 40, 'NaN'), (2, 4, 50, 1)) v(g, o, s, w)
                   GROUP BY g$$,
                 '22023', 'weight NaN is not a finite number', 'a bad first weight of a later group is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(s, w)
                   FROM (VALUES (50::float8, 1::float8), (60, 1), (70, -2)) v(s, w)$$,
                 '22003', 'weight -2 is negative', 'a bad row after good ones is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(s, w)
                   FROM (VALUES (NULL::float8, 1::float8), (101, 1)) v(s, w)$$,
                 '22003', 'score 101 is outside the range 0 to 100', 'a bad row after a skipped NULL row is rejected');

-- Overflow: 100 * 1e308 exceeds DBL_MAX; so do 1e308 + 1e308.
SELECT throws_ok($$SELECT airesilience.weighted_resilience(100, 1e308)$$,
                 '22003', 'weighted sum is out of range', 'a score times weight beyond float8 is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(s, w) FROM (VALUES (0::float8, 1e308::float8), (0, 1e308)) v(s, w)$$,
                 '22003', 'weighted sum is out of range', 'a sum of weights beyond float8 is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(s, w) FROM (VALUES (1::float8, 1.7e308::float8), (1, 1.7e308), (1, 1)) v(s, w)$$,
                 '22003', 'weighted sum is out of range', 'an overflow is not lost by later rows');

------------------------------------------------------------------------------
-- Deserialization validates its input
------------------------------------------------------------------------------

-- SQL cannot make a value of type internal, so it cannot call
-- weighted_resilience_deserialfn(bytea, internal) directly.  The test binds
-- the same C symbol to a test-only signature and calls it as the final
-- function of a bytea aggregate: the call then runs in an aggregate context
-- as in a parallel plan, the state is argument 0 and the internal argument is
-- NULL.  Its result (a pointer) is declared void so it is never looked at.
DO $$
BEGIN
    EXECUTE format('CREATE FUNCTION pg_temp.deserialize_probe_final(bytea, bytea) RETURNS void LANGUAGE C AS %L, %L',
                   (SELECT probin FROM pg_catalog.pg_proc
                    WHERE oid = 'airesilience.weighted_resilience_deserialfn(bytea, internal)'::regprocedure),
                   'weighted_resilience_deserialfn');
END
$$;
CREATE FUNCTION pg_temp.keep_last(bytea, bytea) RETURNS bytea LANGUAGE sql AS 'SELECT $2';
CREATE AGGREGATE pg_temp.deserialize_probe(bytea) (
    SFUNC = pg_temp.keep_last, STYPE = bytea,
    FINALFUNC = pg_temp.deserialize_probe_final, FINALFUNC_EXTRA
);
-- Serialized state: version 1, then hi/lo of sum(score*weight), of the
-- scaled sum of tiny products, and of sum(weight), as big-endian float8.
-- This one is 100 * 1 + 0 * 1 (mean 50).
CREATE FUNCTION pg_temp.state(version text, ws_hi text, ws_lo text, tiny_hi text, tiny_lo text, w_hi text, w_lo text)
RETURNS bytea LANGUAGE sql AS $$
    SELECT decode(version, 'hex') || float8send($2::float8) || float8send($3::float8) || float8send($4::float8)
           || float8send($5::float8) || float8send($6::float8) || float8send($7::float8)
$$;

SELECT is(length(pg_temp.state('00000001', '100', '0', '0', '0', '2', '0')), 52, 'a serialized state is 52 bytes');
SELECT lives_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '100', '0', '0', '0', '2', '0'))$$,
                'a valid state is accepted');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(''::bytea)$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'an empty state is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(substr(pg_temp.state('00000001', '100', '0', '0', '0', '2', '0'), 1, 51))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a truncated state is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '100', '0', '0', '0', '2', '0') || '\x00'::bytea)$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a state with trailing bytes is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000002', '100', '0', '0', '0', '2', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'an unknown format version is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '-100', '0', '0', '0', '2', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a negative sum is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', 'NaN', '0', '0', '0', '2', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a NaN sum is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '100', '0', '0', '0', 'Infinity', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'an infinite sum is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '100', '0', '0', 'NaN', '2', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a NaN low part is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '100', '1', '0', '0', '2', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a low part larger than half an ulp is rejected');
SELECT throws_ok($$SELECT pg_temp.deserialize_probe(pg_temp.state('00000001', '100', '0', '0', '0', '0', '0'))$$,
                 '22P03', 'invalid weighted_resilience aggregate state', 'a weighted sum with zero total weight is rejected');

------------------------------------------------------------------------------
-- Parallel aggregation: partial states are serialized by the workers,
-- deserialized and combined by the leader, and the result is the serial one
------------------------------------------------------------------------------

-- A regular table (temporary tables are never scanned in parallel), with
-- weights spread over 2^-30 .. 2^30 so a naive sum would depend on the split.
CREATE TABLE wr_par AS
SELECT i % 50 AS g,
       floor(random() * 102401) / 1024 AS score,
       floor(random() * 1000001) * 2::float8 ^ (floor(random() * 61) - 30) AS weight
FROM generate_series(1, 100000) i;
ANALYZE wr_par;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE wr_serial_total AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_par;
CREATE TABLE wr_serial_groups AS SELECT g, airesilience.weighted_resilience(score, weight) AS r FROM wr_par GROUP BY g;
-- No row matches g + score < 0, but the planner cannot estimate that
-- condition, so it expects rows and plans a partial aggregate.
CREATE TABLE wr_serial_none AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_par WHERE g + score < 0;
SELECT ok(pg_temp.plan_of('SELECT airesilience.weighted_resilience(score, weight) FROM wr_par') NOT LIKE '%Gather%',
          'the serial reference plan is serial');

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- Workers, not the leader, scan the rows (when they start, as they do here).
SET LOCAL parallel_leader_participation = off;

SELECT ok(pg_temp.plan_of('CREATE TABLE wr_parallel_total AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_par')
          LIKE '%Partial Aggregate%', 'whole table: the plan has a Partial Aggregate');
SELECT ok(pg_temp.plan_of('CREATE TABLE wr_parallel_groups AS SELECT g, airesilience.weighted_resilience(score, weight) AS r FROM wr_par GROUP BY g')
          ~ 'Partial (Hash|Group)?Aggregate', 'GROUP BY: the plan has a partial aggregate');
SELECT ok(pg_temp.plan_of('CREATE TABLE wr_parallel_none AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_par WHERE g + score < 0')
          LIKE '%Partial Aggregate%', 'no matching rows: the plan has a Partial Aggregate');
SELECT ok(pg_temp.plan_of('SELECT airesilience.weighted_resilience(score, weight) FROM wr_empty')
          LIKE '%Partial Aggregate%', 'empty table: the plan has a Partial Aggregate');

CREATE TABLE wr_parallel_total AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_par;
CREATE TABLE wr_parallel_groups AS SELECT g, airesilience.weighted_resilience(score, weight) AS r FROM wr_par GROUP BY g;
CREATE TABLE wr_parallel_none AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_par WHERE g + score < 0;
CREATE TABLE wr_parallel_empty AS SELECT airesilience.weighted_resilience(score, weight) AS r FROM wr_empty;

SELECT results_eq('SELECT float8send(r) FROM wr_parallel_total', 'SELECT float8send(r) FROM wr_serial_total',
                  'whole table: parallel and serial results are bit-identical');
SELECT is((SELECT r IS NOT NULL FROM wr_parallel_total), true, '... and not NULL');
SELECT results_eq('SELECT g, float8send(r) FROM wr_parallel_groups ORDER BY g', 'SELECT g, float8send(r) FROM wr_serial_groups ORDER BY g',
                  'GROUP BY: parallel and serial results are bit-identical in all 50 groups');
SELECT results_eq('SELECT r FROM wr_parallel_none', 'SELECT NULL::float8',
                  'no matching rows in parallel: NULL');
SELECT results_eq('SELECT r FROM wr_serial_none', 'SELECT NULL::float8',
                  'no matching rows serially: NULL');
SELECT results_eq('SELECT r FROM wr_parallel_empty', 'SELECT NULL::float8',
                  'empty table in parallel: NULL');

-- Errors raised in a worker reach the client with their SQLSTATE.
CREATE TABLE wr_par_bad_score AS SELECT * FROM wr_par;
INSERT INTO wr_par_bad_score VALUES (7, 101, 1);
CREATE TABLE wr_par_bad_weight AS SELECT * FROM wr_par;
INSERT INTO wr_par_bad_weight VALUES (7, 50, 'NaN');
-- Every worker's partial sum overflows, so serialization must report it.
CREATE TABLE wr_par_overflow AS SELECT g, 50::float8 AS score, 1e306::float8 AS weight FROM wr_par;
ANALYZE wr_par_bad_score, wr_par_bad_weight, wr_par_overflow;

SELECT ok(pg_temp.plan_of('SELECT airesilience.weighted_resilience(score, weight) FROM wr_par_bad_score')
          LIKE '%Partial Aggregate%', 'the error queries run in parallel');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(score, weight) FROM wr_par_bad_score$$,
                 '22003', 'score 101 is outside the range 0 to 100', 'parallel: a bad score is rejected');
SELECT throws_ok($$SELECT g, airesilience.weighted_resilience(score, weight) FROM wr_par_bad_weight GROUP BY g$$,
                 '22023', 'weight NaN is not a finite number', 'parallel GROUP BY: a bad weight is rejected');
SELECT throws_ok($$SELECT airesilience.weighted_resilience(score, weight) FROM wr_par_overflow$$,
                 '22003', 'weighted sum is out of range', 'parallel: an overflowing partial sum is rejected');
SELECT throws_ok($$SELECT g, airesilience.weighted_resilience(score, weight) FROM wr_par_overflow GROUP BY g$$,
                 '22003', 'weighted sum is out of range', 'parallel GROUP BY: an overflowing partial sum is rejected');

------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------

SELECT is((SELECT aggcombinefn::text || ' ' || aggserialfn::text || ' ' || aggdeserialfn::text
           FROM pg_catalog.pg_aggregate
           WHERE aggfnoid = 'airesilience.weighted_resilience(float8, float8)'::regprocedure),
          'airesilience.weighted_resilience_combinefn airesilience.weighted_resilience_serialfn airesilience.weighted_resilience_deserialfn',
          'the aggregate has combine, serial and deserial functions');
SELECT is((SELECT proparallel FROM pg_catalog.pg_proc WHERE oid = 'airesilience.weighted_resilience(float8, float8)'::regprocedure),
          's'::"char", 'the aggregate is parallel safe');
SELECT is((SELECT proisstrict FROM pg_catalog.pg_proc WHERE oid = 'airesilience.weighted_resilience_transfn(internal, float8, float8)'::regprocedure),
          false, 'the transition function is not strict, so it sees the first row');
SELECT is((SELECT count(*) FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'airesilience'::regnamespace AND p.proname LIKE 'weighted_resilience%'
             AND obj_description(p.oid, 'pg_proc') IS NULL), 0::bigint,
          'the aggregate and its support functions all have comments');

SELECT * FROM finish();
ROLLBACK;

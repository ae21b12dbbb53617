-- airesilience.source_median(score): equal to percentile_cont(0.5) bit for
-- bit on random groups and on a large table, the empty and NULL cases, NaN
-- errors, infinities, inputs built to defeat the pivot choice, window use,
-- hash and sort aggregation, the parallel path (serialize, deserialize,
-- combine) and the validation of serialized states.
BEGIN;
SET client_min_messages = warning;
SELECT plan(74);

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

-- The same with ANALYZE: the plan as run, with its batch counts.
CREATE FUNCTION pg_temp.analyzed_plan_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || statement LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN plan;
END
$$;

------------------------------------------------------------------------------
-- Catalog: the aggregate is declared as the contract says
------------------------------------------------------------------------------

SELECT ok(a.aggcombinefn <> 0 AND a.aggserialfn <> 0 AND a.aggdeserialfn <> 0 AND a.aggfinalfn <> 0,
          'source_median has final, combine, serialization and deserialization functions')
FROM pg_catalog.pg_aggregate a
WHERE a.aggfnoid = 'airesilience.source_median(float8)'::regprocedure;

SELECT is(a.aggfinalmodify::text || '/' || a.aggtransspace::text || '/' || a.aggtranstype::regtype::text,
          'r/144/internal',
          'state is internal, SSPACE 144, FINALFUNC_MODIFY READ_ONLY')
FROM pg_catalog.pg_aggregate a
WHERE a.aggfnoid = 'airesilience.source_median(float8)'::regprocedure;

SELECT is(string_agg(p.proname || ':' || p.proisstrict::text || ':' || p.proparallel::text || ':' || p.provolatile::text, ' ' ORDER BY p.proname),
          'source_median:false:s:i source_median_combinefn:false:s:i source_median_deserialfn:true:s:i '
          'source_median_finalfn:false:s:i source_median_serialfn:true:s:i source_median_transfn:false:s:i',
          'transition and combine functions are not strict; everything is IMMUTABLE PARALLEL SAFE')
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'airesilience'::regnamespace AND p.proname LIKE 'source\_median%';

SELECT is(count(*), 6::bigint, 'the aggregate and its five support functions have comments')
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'airesilience'::regnamespace AND p.proname LIKE 'source\_median%'
  AND pg_catalog.obj_description(p.oid, 'pg_proc') IS NOT NULL;

------------------------------------------------------------------------------
-- Hand-worked cases
------------------------------------------------------------------------------

SELECT is(airesilience.source_median(x), 5::float8, 'one value is its own median')
FROM (VALUES (5::float8)) v(x);
SELECT is(airesilience.source_median(x), 2::float8, 'two values: (1 + 3) / 2 = 2')
FROM (VALUES (3::float8), (1)) v(x);
SELECT is(airesilience.source_median(x), 2::float8, 'three values: the middle one, 2')
FROM (VALUES (3::float8), (1), (2)) v(x);
SELECT is(airesilience.source_median(x), 2.5::float8, '{1, 2, 3, 10}: (2 + 3) / 2 = 2.5')
FROM (VALUES (10::float8), (2), (1), (3)) v(x);
-- The README's example: sources 9, 10, 41.18, 72.94
SELECT is(airesilience.source_median(x), 10 + 0.5 * (41.18::float8 - 10),
          '{9, 10, 41.18, 72.94}: 10 + 0.5 * (41.18 - 10), as percentile_cont computes it')
FROM (VALUES (72.94::float8), (9), (41.18), (10)) v(x);
SELECT is(airesilience.source_median(x), 4::float8, 'duplicates count: {4, 4, 4, 1, 9} gives 4')
FROM (VALUES (4::float8), (4), (1), (4), (9)) v(x);

------------------------------------------------------------------------------
-- NULLs and empty input
------------------------------------------------------------------------------

SELECT is(airesilience.source_median(x), 2::float8, 'NULLs are skipped, also as the first row: {NULL, 3, NULL, 1, 2} gives 2')
FROM (VALUES (1, NULL::float8), (2, 3), (3, NULL), (4, 1), (5, 2)) v(o, x);
SELECT is(airesilience.source_median(x ORDER BY o), 1.5::float8, 'NULLs before the first value of an ordered input are skipped')
FROM (VALUES (1, NULL::float8), (2, NULL), (3, 2), (4, 1)) v(o, x);
SELECT is(airesilience.source_median(x), NULL::float8, 'only NULLs give NULL')
FROM (VALUES (NULL::float8), (NULL)) v(x);

CREATE TEMP TABLE empty_scores (g int, x float8);
SELECT results_eq($$SELECT airesilience.source_median(x) FROM empty_scores$$,
                  $$VALUES (NULL::float8)$$,
                  'no rows and no GROUP BY: one row, NULL');
SELECT is_empty($$SELECT g, airesilience.source_median(x) FROM empty_scores GROUP BY g$$,
                'no rows with GROUP BY: no groups');
SELECT results_eq($$SELECT g, airesilience.source_median(x), percentile_cont(0.5) WITHIN GROUP (ORDER BY x)
                    FROM (VALUES (1, 5::float8), (2, NULL), (2, NULL), (3, 7)) v(g, x) GROUP BY g ORDER BY g$$,
                  $$VALUES (1, 5::float8, 5::float8), (2, NULL, NULL), (3, 7, 7)$$,
                  'a group of only NULLs gives NULL, as percentile_cont does');

------------------------------------------------------------------------------
-- NaN is an error
------------------------------------------------------------------------------

SELECT throws_ok($$SELECT airesilience.source_median('NaN'::float8)$$,
                 '22023', 'source_median does not accept NaN', 'a single NaN is rejected');
SELECT throws_ok($$SELECT airesilience.source_median(x ORDER BY o) FROM (VALUES (1, 'NaN'::float8), (2, 1), (3, 2)) v(o, x)$$,
                 '22023', 'source_median does not accept NaN', 'NaN as the first row is rejected');
SELECT throws_ok($$SELECT airesilience.source_median(x ORDER BY o) FROM (VALUES (1, 1::float8), (2, 'NaN'), (3, 2)) v(o, x)$$,
                 '22023', 'source_median does not accept NaN', 'NaN after other rows is rejected');
SELECT throws_ok($$SELECT airesilience.source_median(x ORDER BY o) FROM (VALUES (1, NULL::float8), (2, 'NaN')) v(o, x)$$,
                 '22023', 'source_median does not accept NaN', 'NaN after a NULL first row is rejected');
SET LOCAL enable_hashagg = off;
SELECT throws_ok($$SELECT g, airesilience.source_median(x ORDER BY o)
                   FROM (VALUES (1, 1, 1::float8), (1, 2, 2), (2, 3, 'NaN'), (2, 4, 5)) v(g, o, x) GROUP BY g$$,
                 '22023', 'source_median does not accept NaN', 'NaN as the first row of a later group is rejected (sorted grouping)');
RESET enable_hashagg;
SET LOCAL enable_sort = off;
SELECT throws_ok($$SELECT g, airesilience.source_median(x)
                   FROM (VALUES (1, 1::float8), (1, 2), (2, 'NaN'), (2, 5)) v(g, x) GROUP BY g$$,
                 '22023', 'source_median does not accept NaN', 'NaN as the first row of a later group is rejected (hashed grouping)');
RESET enable_sort;

------------------------------------------------------------------------------
-- Infinities and extremes: the same results as percentile_cont, bit for bit
------------------------------------------------------------------------------

CREATE TEMP TABLE extreme_cases (c int, x float8);
INSERT INTO extreme_cases VALUES
    (1, '-Infinity'), (1, 'Infinity'),                 -- NaN: -inf + 0.5 * (inf - -inf)
    (2, 'Infinity'), (2, 'Infinity'),                  -- NaN: inf + 0.5 * (inf - inf)
    (3, '-Infinity'), (3, '-Infinity'),                -- NaN
    (4, 1), (4, 'Infinity'),                           -- Infinity
    (5, '-Infinity'), (5, 1),                          -- NaN: -inf + 0.5 * (1 - -inf)
    (6, '-Infinity'), (6, 0), (6, 'Infinity'),         -- 0
    (7, 'Infinity'),                                   -- Infinity
    (8, '-1e308'), (8, '1e308'),                       -- Infinity: the difference overflows
    (9, '1.7976931348623157e308'), (9, '1.7976931348623157e308'),
    (10, '-0'), (10, '-0'),                            -- 0: -0 + 0.5 * 0
    (11, '-0'),                                        -- -0
    (12, '5e-324'), (12, '1.5e-323'),                  -- subnormals: 5e-324 + 0.5 * 1e-323
    (13, '-Infinity'), (13, '-Infinity'), (13, 'Infinity'), (13, 'Infinity'),
    (14, 2), (14, '-Infinity'), (14, 'Infinity'), (14, 'Infinity');
SELECT is(count(*), 0::bigint, 'infinities, overflow, -0 and subnormals: no group differs from percentile_cont in any bit')
FROM (SELECT c, float8send(airesilience.source_median(x)) AS m,
             float8send(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)) AS p
      FROM extreme_cases GROUP BY c) r
WHERE m IS DISTINCT FROM p;
SELECT results_eq($$SELECT c, airesilience.source_median(x)::text FROM extreme_cases GROUP BY c ORDER BY c$$,
                  $$VALUES (1, 'NaN'), (2, 'NaN'), (3, 'NaN'), (4, 'Infinity'), (5, 'NaN'), (6, '0'),
                           (7, 'Infinity'), (8, 'Infinity'), (9, '1.7976931348623157e+308'), (10, '0'), (11, '-0'),
                           (12, '1e-323'), (13, 'NaN'), (14, 'Infinity')$$,
                  'the extreme cases give the values percentile_cont gives');

------------------------------------------------------------------------------
-- Random groups against percentile_cont
------------------------------------------------------------------------------

-- 1,200 groups in six families, built from a fixed seed:
--   g % 6 = 0: uniform on [0, 100), 1 to 13 values (sizes 1 and 2 included)
--   g % 6 = 1: many duplicates (integers 0-3), 2 to 21 values
--   g % 6 = 2: negative and positive, |x| < 5e5, 1 to 9 values
--   g % 6 = 3: magnitudes from 1e-308 to 1e308 of either sign, 2 to 12 values
--   g % 6 = 4: every fourth one 500 to 1,499 values (the sampling path of
--              the selection), the others 30 to 99
--   g % 6 = 5: integers 0-5 (60%), -Infinity (20%), Infinity (20%), 1 to 8 values
-- About 5% of the values are NULL.
CREATE TEMP TABLE samples (g int, x float8);
DO $$ BEGIN PERFORM setseed(0.42); END $$;
INSERT INTO samples
SELECT g,
       CASE WHEN random() < 0.05 THEN NULL
            WHEN g % 6 = 0 THEN random() * 100
            WHEN g % 6 = 1 THEN floor(random() * 4)
            WHEN g % 6 = 2 THEN (random() - 0.5) * 1e6
            WHEN g % 6 = 3 THEN (CASE WHEN random() < 0.5 THEN -1 ELSE 1 END) * 10::float8 ^ (random() * 616 - 308)
            WHEN g % 6 = 4 THEN random() * 50 - 10
            ELSE ('{-Infinity, -Infinity, Infinity, Infinity, 0, 1, 2, 3, 4, 5}'::float8[])[1 + floor(random() * 10)::int]
       END
FROM generate_series(1, 1200) g,
     LATERAL generate_series(1, CASE g % 6
                                    WHEN 0 THEN 1 + g % 13
                                    WHEN 1 THEN 2 + g % 20
                                    WHEN 2 THEN 1 + g % 9
                                    WHEN 3 THEN 2 + g % 11
                                    WHEN 4 THEN CASE WHEN g % 24 = 4 THEN 500 + (g * 37) % 1000 ELSE 30 + g % 70 END
                                    ELSE 1 + g % 8
                                END) i;
ANALYZE samples;

CREATE TEMP TABLE expected AS
SELECT g, count(x) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p
FROM samples GROUP BY g;

-- The data has what the comparison claims to cover.
SELECT ok(count(*) = 1200
          AND count(*) FILTER (WHERE n = 1) > 10 AND count(*) FILTER (WHERE n = 2) > 10
          AND count(*) FILTER (WHERE n % 2 = 0) > 300 AND count(*) FILTER (WHERE n % 2 = 1) > 300
          AND count(*) FILTER (WHERE n > 600) > 20 AND count(*) FILTER (WHERE p = 'NaN') > 0
          AND count(*) FILTER (WHERE p IN ('Infinity', '-Infinity')) > 0,
          'the random groups: 1,200, of sizes 1, 2, odd, even and over 600, some with NaN or infinite medians')
FROM expected;

CREATE TEMP TABLE got_hashed AS SELECT g, airesilience.source_median(x) AS m FROM samples GROUP BY g;
SELECT is(count(*), 0::bigint, '1,200 random groups, hashed grouping: no group differs from percentile_cont (=)')
FROM expected e FULL JOIN got_hashed r USING (g)
WHERE e.p IS DISTINCT FROM r.m OR e.g IS NULL OR r.g IS NULL;
SELECT is(count(*), 0::bigint, '1,200 random groups: bit-for-bit equal to percentile_cont')
FROM expected e JOIN got_hashed r USING (g)
WHERE float8send(e.p) IS DISTINCT FROM float8send(r.m);
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_median(x) FROM samples GROUP BY g') LIKE '%HashAggregate%',
          'SSPACE lets the planner hash 1,200 groups');

SET LOCAL enable_hashagg = off;
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_median(x) FROM samples GROUP BY g') LIKE '%GroupAggregate%',
          'with enable_hashagg off the groups are sorted');
SELECT is(count(*), 0::bigint, '1,200 random groups, sorted grouping: no group differs from percentile_cont in any bit')
FROM expected e FULL JOIN (SELECT g, airesilience.source_median(x) AS m FROM samples GROUP BY g) r USING (g)
WHERE float8send(e.p) IS DISTINCT FROM float8send(r.m) OR e.g IS NULL OR r.g IS NULL;
RESET enable_hashagg;

-- A tiny work_mem makes hash aggregation spill groups to disk and redo them.
SET LOCAL work_mem = '64kB';
SET LOCAL enable_sort = off;
SELECT ok(pg_temp.analyzed_plan_of('SELECT g, airesilience.source_median(x) FROM samples GROUP BY g') ~ 'Batches: ([2-9]|[1-9][0-9]+)',
          'with work_mem 64kB the hash aggregation spills (more than one batch)');
SELECT is(count(*), 0::bigint, '1,200 random groups, hash aggregation spilling to disk: no group differs in any bit')
FROM expected e FULL JOIN (SELECT g, airesilience.source_median(x) AS m FROM samples GROUP BY g) r USING (g)
WHERE float8send(e.p) IS DISTINCT FROM float8send(r.m) OR e.g IS NULL OR r.g IS NULL;
RESET work_mem;
RESET enable_sort;

SELECT is(count(*), 0::bigint, 'DISTINCT inputs: the median of the distinct values, as percentile_cont over them')
FROM (SELECT g, airesilience.source_median(DISTINCT x) AS m FROM samples GROUP BY g) r
JOIN (SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p
      FROM (SELECT DISTINCT g, x FROM samples) d GROUP BY g) e USING (g)
WHERE float8send(e.p) IS DISTINCT FROM float8send(r.m);

------------------------------------------------------------------------------
-- Whole tables of 100,000 and 100,001 rows
------------------------------------------------------------------------------

CREATE TEMP TABLE many AS
SELECT i, (random() * 200 - 50)::float8 AS x FROM generate_series(1, 100001) i;
SELECT is(float8send(airesilience.source_median(x)),
          float8send(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)),
          '100,001 rows (odd): the same median as percentile_cont, bit for bit')
FROM many;
SELECT is(float8send(airesilience.source_median(x)),
          float8send(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)),
          '100,000 rows (even): the same median as percentile_cont, bit for bit')
FROM many WHERE i <= 100000;
SELECT is(float8send(airesilience.source_median(round(x))),
          float8send(percentile_cont(0.5) WITHIN GROUP (ORDER BY round(x))),
          '100,000 rows of 201 distinct values: the same median as percentile_cont')
FROM many WHERE i <= 100000;

------------------------------------------------------------------------------
-- Input orders that defeat naive pivots
------------------------------------------------------------------------------

-- The values reach the final function in the order given by ORDER BY o.
SELECT is(airesilience.source_median(x ORDER BY o), percentile_cont(0.5) WITHIN GROUP (ORDER BY x), 'ascending input')
FROM (SELECT i AS o, i::float8 AS x FROM generate_series(1, 10000) i) s;
SELECT is(airesilience.source_median(x ORDER BY o), percentile_cont(0.5) WITHIN GROUP (ORDER BY x), 'descending input')
FROM (SELECT i AS o, (10001 - i)::float8 AS x FROM generate_series(1, 10000) i) s;
SELECT is(airesilience.source_median(x ORDER BY o), percentile_cont(0.5) WITHIN GROUP (ORDER BY x), 'organ-pipe input')
FROM (SELECT i AS o, least(i, 10001 - i)::float8 AS x FROM generate_series(1, 10001) i) s;
SELECT is(airesilience.source_median(x), 7::float8, '10,000 equal values')
FROM (SELECT 7::float8 AS x FROM generate_series(1, 10000)) s;

-- An input built by McIlroy's adversary ("A Killer Adversary for Quicksort")
-- against the median-of-3 pivot used on ranges up to 600 values: for
-- n = 4m, position p holds p (even p < 2m - 1), n - 1 (odd p < 2m - 1),
-- 2(p - 2m + 1) + 1 (p < 3m - 1) and n - 1 beyond.  Each partition then
-- splits off only two values, the depth limit runs out after 20 of them and
-- the rest is heapsorted.  Sorted, the values are 0..299 then 300 copies of
-- 599: the median is 299 + 0.5 * (599 - 299) = 449.
SELECT is(airesilience.source_median(x ORDER BY p), 449::float8,
          'an input against the median-of-3 pivot: the heapsort fallback gives 449')
FROM (SELECT p, (CASE WHEN p < 299 THEN CASE WHEN p % 2 = 0 THEN p ELSE 599 END
                      WHEN p < 449 THEN 2 * (p - 299) + 1
                      ELSE 599 END)::float8 AS x
      FROM generate_series(0, 599) p) s;
SELECT is(airesilience.source_median(x ORDER BY p), percentile_cont(0.5) WITHIN GROUP (ORDER BY x),
          'the same construction with 400,000 values stays correct (and fast)')
FROM (SELECT p, (CASE WHEN p < 199999 THEN CASE WHEN p % 2 = 0 THEN p ELSE 399999 END
                      WHEN p < 299999 THEN 2 * (p - 199999) + 1
                      ELSE 399999 END)::float8 AS x
      FROM generate_series(0, 399999) p) s;

------------------------------------------------------------------------------
-- Window use: the final function may run and the transition go on
------------------------------------------------------------------------------

CREATE TEMP TABLE series AS
SELECT i, floor(random() * 1000)::float8 AS x FROM generate_series(1, 300) i;
SELECT is(count(*), 0::bigint, 'a running median (growing frame) equals percentile_cont of each prefix')
FROM (SELECT i, airesilience.source_median(x) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS m
      FROM series) w
WHERE w.m IS DISTINCT FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s.x) FROM series s WHERE s.i <= w.i);
SELECT is(count(*), 0::bigint, 'a moving median (5-row frame) equals percentile_cont of each frame')
FROM (SELECT i, airesilience.source_median(x) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS m
      FROM series) w
WHERE w.m IS DISTINCT FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s.x) FROM series s
                            WHERE s.i BETWEEN w.i - 2 AND w.i + 2);
SELECT is(count(*), 0::bigint, 'a median per partition with the whole partition as frame')
FROM (SELECT i, airesilience.source_median(x) OVER (PARTITION BY i % 7) AS m FROM series) w
WHERE w.m IS DISTINCT FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s.x) FROM series s
                            WHERE s.i % 7 = w.i % 7);

------------------------------------------------------------------------------
-- Partitionwise aggregation: a partial state per partition, serialized,
-- sorted, deserialized and combined in one process, deterministically
------------------------------------------------------------------------------

CREATE TEMP TABLE parted (i int, g int, x float8) PARTITION BY RANGE (i);
CREATE TEMP TABLE parted_1 PARTITION OF parted FOR VALUES FROM (MINVALUE) TO (30000);
CREATE TEMP TABLE parted_2 PARTITION OF parted FOR VALUES FROM (30000) TO (60000);
CREATE TEMP TABLE parted_3 PARTITION OF parted FOR VALUES FROM (60000) TO (MAXVALUE);
-- Group 0 lives in the first partition only, group 1 has only NULLs in the
-- second; the others are spread over all three.
INSERT INTO parted
SELECT i, CASE WHEN i < 30000 AND i % 97 = 0 THEN 0 ELSE 1 + i % 60 END,
       CASE WHEN i BETWEEN 30000 AND 59999 AND i % 60 = 0 THEN NULL ELSE floor(random() * 1000) / 8 END
FROM generate_series(1, 90000) i;
ANALYZE parted;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_median(x) FROM parted GROUP BY g')
          ~ 'Finalize (Hash|Group)Aggregate.*Append.*Partial (Hash|Group)Aggregate.*Partial (Hash|Group)Aggregate.*Partial (Hash|Group)Aggregate',
          'partitionwise aggregation: a partial aggregate per partition, then a finalize step');
SELECT is(count(*), 0::bigint, 'partitionwise: every group equals percentile_cont, bit for bit')
FROM (SELECT g, airesilience.source_median(x) AS m FROM parted GROUP BY g) r
FULL JOIN (SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p FROM parted GROUP BY g) e USING (g)
WHERE float8send(r.m) IS DISTINCT FROM float8send(e.p) OR r.g IS NULL OR e.g IS NULL;
RESET enable_partitionwise_aggregate;

------------------------------------------------------------------------------
-- Deserialization validates its input
------------------------------------------------------------------------------

-- SQL cannot make a value of type internal, so it cannot call
-- source_median_deserialfn(bytea, internal) itself.  The test binds the same
-- C symbol to a test-only signature and calls it as the final function of a
-- bytea aggregate: it then runs in an aggregate context, as in a parallel
-- plan, with the serialized state as argument 0 (the internal argument is
-- unused).  Its result, a pointer, is declared void so it is never looked
-- at.  The round trip serialfn -> deserialfn -> combinefn is tested by the
-- parallel plans below.
DO $$
BEGIN
    EXECUTE format('CREATE FUNCTION pg_temp.median_state_probe_final(bytea, bytea) RETURNS void LANGUAGE C AS %L, %L',
                   (SELECT probin FROM pg_catalog.pg_proc
                    WHERE oid = 'airesilience.source_median_deserialfn(bytea, internal)'::regprocedure),
                   'source_median_deserialfn');
END
$$;
CREATE FUNCTION pg_temp.median_keep_last(bytea, bytea) RETURNS bytea LANGUAGE sql AS 'SELECT $2';
CREATE AGGREGATE pg_temp.median_state_probe(bytea) (
    SFUNC = pg_temp.median_keep_last, STYPE = bytea,
    FINALFUNC = pg_temp.median_state_probe_final, FINALFUNC_EXTRA
);
-- Serialized state: uint32 version, int64 count, then the values as
-- big-endian float8.
CREATE FUNCTION pg_temp.median_state(version int, count bigint, variadic vals float8[] DEFAULT '{}')
RETURNS bytea LANGUAGE sql AS $$
    SELECT int4send(version) || int8send(count)
           || coalesce((SELECT string_agg(float8send(v), ''::bytea ORDER BY o) FROM unnest(vals) WITH ORDINALITY u(v, o)), '')
$$;

SELECT is(length(pg_temp.median_state(1, 3, 1, 2, 3)), 36, 'a serialized state of 3 values is 4 + 8 + 3 * 8 = 36 bytes');
SELECT lives_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, 3, 1, 'Infinity', '-Infinity'))$$,
                'a valid state is accepted, infinities included');
SELECT lives_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, 0))$$,
                'a valid empty state is accepted');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(''::bytea)$$,
                 '22P03', 'invalid source_median aggregate state', 'an empty bytea is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(substr(pg_temp.median_state(1, 0), 1, 11))$$,
                 '22P03', 'invalid source_median aggregate state', 'a truncated header is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(2, 1, 5))$$,
                 '22P03', 'invalid source_median aggregate state', 'an unknown format version is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(0, 1, 5))$$,
                 '22P03', 'invalid source_median aggregate state', 'format version 0 is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(substr(pg_temp.median_state(1, 3, 1, 2, 3), 1, 35))$$,
                 '22P03', 'invalid source_median aggregate state', 'a truncated value is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, 3, 1, 2))$$,
                 '22P03', 'invalid source_median aggregate state', 'fewer values than the count are rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, 1, 1, 2))$$,
                 '22P03', 'invalid source_median aggregate state', 'more values than the count are rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, -1))$$,
                 '22P03', 'invalid source_median aggregate state', 'a negative count is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, 2305843009213693953, 1))$$,
                 '22P03', 'invalid source_median aggregate state', 'a count whose byte size overflows is rejected');
SELECT throws_ok($$SELECT pg_temp.median_state_probe(pg_temp.median_state(1, 3, 1, 'NaN', 3))$$,
                 '22P03', 'invalid source_median aggregate state', 'a NaN value is rejected');

------------------------------------------------------------------------------
-- Parallel aggregation: partial states are serialized by the workers,
-- deserialized and combined by the leader, and the result is the serial one
------------------------------------------------------------------------------

-- Regular tables: temporary tables are never scanned in parallel.  Groups
-- are spread over the whole table, so every process sees every group.
CREATE TABLE public.source_median_parallel (g int, x float8);
INSERT INTO public.source_median_parallel
SELECT i % 400,
       CASE WHEN i % 400 = 7 THEN NULL                                  -- a group of only NULLs
            WHEN i % 400 = 11 THEN                                      -- 250 x -Infinity, 250 x Infinity
                CASE WHEN i % 800 = 11 THEN '-Infinity'::float8 ELSE 'Infinity' END
            WHEN random() < 0.02 THEN NULL
            WHEN i % 400 < 100 THEN floor(random() * 5)                 -- duplicates
            ELSE (random() - 0.3) * 1000 END
FROM generate_series(1, 200000) i;
-- One group only the last rows have, so most partial states lack it.
INSERT INTO public.source_median_parallel VALUES (1000, 42), (1000, 43);
ANALYZE public.source_median_parallel;
-- Never analyzed: the planner then assumes a few pages and plans parallel
-- (an analyzed empty table gets a serial plan).
CREATE TABLE public.source_median_parallel_empty (g int, x float8);

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_whole AS
SELECT airesilience.source_median(x) AS m, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p
FROM public.source_median_parallel;
CREATE TEMP TABLE serial_groups AS
SELECT g, airesilience.source_median(x) AS m, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS p
FROM public.source_median_parallel GROUP BY g;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- Workers, not the leader, scan: more partial states reach the combine step.
SET LOCAL parallel_leader_participation = off;

SELECT ok(pg_temp.plan_of('SELECT airesilience.source_median(x) FROM public.source_median_parallel')
          ~ 'Finalize Aggregate.*Gather.*Partial Aggregate',
          'the whole-table median runs as a parallel plan (Finalize Aggregate, Gather, Partial Aggregate)');
SELECT is(float8send(airesilience.source_median(x)), (SELECT float8send(m) FROM serial_whole),
          'parallel whole-table median = serial median, bit for bit')
FROM public.source_median_parallel;
SELECT is((SELECT float8send(m) FROM serial_whole), (SELECT float8send(p) FROM serial_whole),
          '... = percentile_cont, bit for bit');

SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_median(x) FROM public.source_median_parallel GROUP BY g')
          ~ 'Finalize (Hash|Group)Aggregate.*Gather.*Partial (Hash|Group)Aggregate',
          'the grouped median runs as a parallel plan');
SELECT is(count(*), 0::bigint, 'parallel grouped medians = serial ones = percentile_cont, bit for bit, NULL groups included')
FROM serial_groups s
FULL JOIN (SELECT g, airesilience.source_median(x) AS m FROM public.source_median_parallel GROUP BY g) r USING (g)
WHERE float8send(s.m) IS DISTINCT FROM float8send(r.m) OR float8send(s.p) IS DISTINCT FROM float8send(r.m)
   OR s.g IS NULL OR r.g IS NULL;
SELECT ok((SELECT count(*) FROM serial_groups) = 401 AND (SELECT m IS NULL FROM serial_groups WHERE g = 7)
          AND (SELECT m = 'NaN' FROM serial_groups WHERE g = 11) AND (SELECT m = 42.5 FROM serial_groups WHERE g = 1000),
          'the parallel data has 401 groups: one of only NULLs (NULL), one of infinities (NaN), one at the end (42.5)');

SET LOCAL enable_hashagg = off;
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_median(x) FROM public.source_median_parallel GROUP BY g')
          ~ 'Finalize GroupAggregate.*Partial GroupAggregate',
          'the grouped median also runs as a parallel sorted aggregation');
SELECT is(count(*), 0::bigint, 'parallel sorted grouping: the same medians as serial, bit for bit')
FROM serial_groups s
FULL JOIN (SELECT g, airesilience.source_median(x) AS m FROM public.source_median_parallel GROUP BY g) r USING (g)
WHERE float8send(s.m) IS DISTINCT FROM float8send(r.m) OR s.g IS NULL OR r.g IS NULL;
RESET enable_hashagg;

-- With the leader scanning too, as by default: the planner then also plans
-- the grouped median of the empty table in parallel.
RESET parallel_leader_participation;
SELECT ok(pg_temp.plan_of('SELECT airesilience.source_median(x) FROM public.source_median_parallel_empty')
          ~ 'Finalize Aggregate.*Gather.*Partial Aggregate'
          AND pg_temp.plan_of('SELECT g, airesilience.source_median(x) FROM public.source_median_parallel_empty GROUP BY g')
          ~ 'Finalize (Hash|Group)Aggregate.*Gather.*Partial (Hash|Group)Aggregate',
          'the medians of an empty table, with and without GROUP BY, run as parallel plans');
SELECT results_eq($$SELECT airesilience.source_median(x) FROM public.source_median_parallel_empty$$,
                  $$VALUES (NULL::float8)$$,
                  'parallel, empty table, no GROUP BY: one row, NULL');
SELECT is_empty($$SELECT g, airesilience.source_median(x) FROM public.source_median_parallel_empty GROUP BY g$$,
                'parallel, empty table, GROUP BY: no groups');
SELECT results_eq($$SELECT airesilience.source_median(x) FROM public.source_median_parallel WHERE x IS NULL$$,
                  $$VALUES (NULL::float8)$$,
                  'parallel, only NULL values: NULL');
SELECT results_eq($$SELECT airesilience.source_median(x) FROM public.source_median_parallel WHERE g = 1000$$,
                  $$VALUES (42.5::float8)$$,
                  'parallel, rows in one part of the table only (other partial states are NULL): 42.5');

INSERT INTO public.source_median_parallel VALUES (5, 'NaN');
SELECT throws_ok($$SELECT airesilience.source_median(x) FROM public.source_median_parallel$$,
                 '22023', 'source_median does not accept NaN', 'parallel: NaN is rejected');

SELECT * FROM finish();
ROLLBACK;

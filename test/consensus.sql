-- airesilience.source_consensus(score) and airesilience.consensus_confidence(n, iqr):
-- median and quartiles equal to percentile_cont bit for bit on random groups
-- (hashed, sorted, spilling), min and max equal to min() and max(), the
-- empty and NULL cases, NaN errors, window use, a query sharing the state
-- with source_median, the parallel path, and the confidence levels at and
-- around every threshold, with the SQLSTATE of every error.
BEGIN;
SET client_min_messages = warning;
SET extra_float_digits = 0;
SELECT plan(113);

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

-- Every bit of a consensus, so that comparisons see -0, NaN and the last
-- digit; NULL for the NULL consensus.
CREATE FUNCTION pg_temp.bits(c airesilience.consensus) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN c::text IS NOT NULL
                THEN float8send(c.median) || int8send(c.n) || float8send(c.q1) || float8send(c.q3)
                     || float8send(c.iqr) || float8send(c.min) || float8send(c.max)
           END
$$;

------------------------------------------------------------------------------
-- Catalog: the aggregate shares source_median's support functions
------------------------------------------------------------------------------

SELECT ok(c.aggtransfn = m.aggtransfn AND c.aggcombinefn = m.aggcombinefn
          AND c.aggserialfn = m.aggserialfn AND c.aggdeserialfn = m.aggdeserialfn
          AND c.aggtranstype = m.aggtranstype AND c.agginitval IS NOT DISTINCT FROM m.agginitval
          AND c.aggfinalfn <> m.aggfinalfn,
          'source_consensus has source_median''s transition, combine, serialization and deserialization functions, and its own final function')
FROM pg_catalog.pg_aggregate c, pg_catalog.pg_aggregate m
WHERE c.aggfnoid = 'airesilience.source_consensus(float8)'::regprocedure
  AND m.aggfnoid = 'airesilience.source_median(float8)'::regprocedure;

SELECT is(a.aggfinalmodify::text || '/' || a.aggtransspace::text || '/' || a.aggtranstype::regtype::text
          || '/' || a.aggfinalfn::regproc::text,
          'r/144/internal/airesilience.source_consensus_finalfn',
          'FINALFUNC_MODIFY READ_ONLY and SSPACE 144, as source_median')
FROM pg_catalog.pg_aggregate a
WHERE a.aggfnoid = 'airesilience.source_consensus(float8)'::regprocedure;

SELECT is(string_agg(p.proname || ':' || p.proisstrict::text || ':' || p.proparallel::text || ':' || p.provolatile::text
                     || ':' || p.prorettype::regtype::text, ' ' ORDER BY p.proname),
          'consensus_confidence:false:s:i:text source_consensus:false:s:i:airesilience.consensus '
          'source_consensus_finalfn:false:s:i:airesilience.consensus',
          'IMMUTABLE PARALLEL SAFE, not strict (NULL n or iqr has a documented meaning)')
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'airesilience'::regnamespace
  AND p.proname IN ('source_consensus', 'source_consensus_finalfn', 'consensus_confidence');

SELECT is(string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum),
          'median double precision, n bigint, q1 double precision, q3 double precision, iqr double precision, min double precision, max double precision',
          'the type airesilience.consensus has the documented attributes')
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'airesilience.consensus'::regclass AND a.attnum > 0 AND NOT a.attisdropped;

SELECT is(count(*), 3::bigint, 'the aggregate, its final function and consensus_confidence have comments')
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'airesilience'::regnamespace
  AND p.proname IN ('source_consensus', 'source_consensus_finalfn', 'consensus_confidence')
  AND pg_catalog.obj_description(p.oid, 'pg_proc') IS NOT NULL;

SELECT ok(pg_catalog.obj_description('airesilience.consensus'::regtype, 'pg_type') IS NOT NULL
          AND (SELECT bool_and(pg_catalog.col_description(a.attrelid, a.attnum) IS NOT NULL)
               FROM pg_catalog.pg_attribute a
               WHERE a.attrelid = 'airesilience.consensus'::regclass AND a.attnum > 0),
          'the type and each of its attributes have comments');

------------------------------------------------------------------------------
-- Hand-worked cases
------------------------------------------------------------------------------

SELECT is(airesilience.source_consensus(x), ROW(5, 1, 5, 5, 0, 5, 5)::airesilience.consensus,
          'one value: everything is that value, iqr 0')
FROM (VALUES (5::float8)) v(x);
SELECT is(airesilience.source_consensus(x), ROW(2, 2, 1.5, 2.5, 1, 1, 3)::airesilience.consensus,
          '{3, 1}: median 2, q1 1 + 0.25 * 2 = 1.5, q3 1 + 0.75 * 2 = 2.5')
FROM (VALUES (3::float8), (1)) v(x);
SELECT is(airesilience.source_consensus(x), ROW(2, 3, 1.5, 2.5, 1, 1, 3)::airesilience.consensus,
          '{3, 1, 2}: quartiles half-way between neighbours')
FROM (VALUES (3::float8), (1), (2)) v(x);
SELECT is(airesilience.source_consensus(x), ROW(2.5, 4, 1.75, 4.75, 3, 1, 10)::airesilience.consensus,
          '{1, 2, 3, 10}: q1 at position 0.75, q3 at 2.25')
FROM (VALUES (10::float8), (2), (1), (3)) v(x);
SELECT is(airesilience.source_consensus(x), ROW(3, 5, 2, 4, 2, 1, 100)::airesilience.consensus,
          '{1, 2, 3, 4, 100}: every quartile on a row, no interpolation')
FROM (VALUES (4::float8), (100), (2), (1), (3)) v(x);
SELECT is(airesilience.source_consensus(x), ROW(4, 6, 4, 4, 0, 1, 9)::airesilience.consensus,
          'duplicates: {4, 4, 4, 4, 1, 9} has quartiles 4 and iqr 0')
FROM (VALUES (4::float8), (4), (1), (4), (9), (4)) v(x);
-- Four sources of an occupation, as page 000 shows them
SELECT is(airesilience.source_consensus(x),
          ROW(10 + 0.5 * (41.18::float8 - 10), 4,
              9 + 0.75 * (10::float8 - 9), 41.18 + 0.25 * (72.94::float8 - 41.18),
              (41.18 + 0.25 * (72.94::float8 - 41.18)) - (9 + 0.75 * (10::float8 - 9)), 9, 72.94)::airesilience.consensus,
          '{9, 10, 41.18, 72.94}: each value as percentile_cont computes it')
FROM (VALUES (72.94::float8), (9), (41.18), (10)) v(x);

------------------------------------------------------------------------------
-- NULLs and empty input: the consensus itself is NULL, not a row of NULLs
------------------------------------------------------------------------------

SELECT is(airesilience.source_consensus(x), ROW(2, 3, 1.5, 2.5, 1, 1, 3)::airesilience.consensus,
          'NULLs are skipped, also as the first row, and not counted in n')
FROM (VALUES (1, NULL::float8), (2, 3), (3, NULL), (4, 1), (5, 2)) v(o, x);
SELECT ok(airesilience.source_consensus(x)::text IS NULL, 'only NULLs: the consensus is NULL (not a row of NULLs)')
FROM (VALUES (NULL::float8), (NULL)) v(x);

CREATE TEMP TABLE empty_scores (g int, x float8);
SELECT results_eq($$SELECT airesilience.source_consensus(x)::text IS NULL FROM empty_scores$$,
                  $$VALUES (true)$$,
                  'no rows and no GROUP BY: one row, whose consensus is NULL');
SELECT is_empty($$SELECT g, airesilience.source_consensus(x) FROM empty_scores GROUP BY g$$,
                'no rows with GROUP BY: no groups');
SELECT results_eq($$SELECT g, airesilience.source_consensus(x)::text, (airesilience.source_consensus(x)).n
                    FROM (VALUES (1, 5::float8), (2, NULL), (2, NULL), (3, 7)) v(g, x) GROUP BY g ORDER BY g$$,
                  $$VALUES (1, '(5,1,5,5,0,5,5)', 1::bigint), (2, NULL, NULL), (3, '(7,1,7,7,0,7,7)', 1)$$,
                  'a group of only NULLs gives NULL (and a NULL n) next to groups with scores');

------------------------------------------------------------------------------
-- NaN is an error (the transition function is source_median's)
------------------------------------------------------------------------------

SELECT throws_ok($$SELECT airesilience.source_consensus('NaN'::float8)$$,
                 '22023', NULL, 'a single NaN is rejected (22023)');
SELECT throws_ok($$SELECT airesilience.source_consensus(x ORDER BY o) FROM (VALUES (1, 'NaN'::float8), (2, 1), (3, 2)) v(o, x)$$,
                 '22023', NULL, 'NaN as the first row is rejected');
SELECT throws_ok($$SELECT airesilience.source_consensus(x ORDER BY o) FROM (VALUES (1, 1::float8), (2, 2), (3, 'NaN')) v(o, x)$$,
                 '22023', NULL, 'NaN after other rows is rejected');
SELECT throws_ok($$SELECT g, airesilience.source_consensus(x) FROM (VALUES (1, 1::float8), (2, 'NaN'), (2, 5)) v(g, x) GROUP BY g$$,
                 '22023', NULL, 'NaN in a later group is rejected');

------------------------------------------------------------------------------
-- Infinities and extremes: the same bits as percentile_cont
------------------------------------------------------------------------------

CREATE TEMP TABLE extreme_cases (c int, x float8);
INSERT INTO extreme_cases VALUES
    (1, '-Infinity'), (1, 'Infinity'),                              -- -inf + 0.5 * inf: NaN
    (2, 'Infinity'), (2, 'Infinity'),                               -- inf + 0.25 * (inf - inf): NaN
    (3, 'Infinity'), (3, 'Infinity'), (3, 'Infinity'), (3, 'Infinity'), (3, 'Infinity'),  -- on rows: inf
    (4, 1), (4, 2), (4, 3), (4, 'Infinity'),                        -- q3 = 3 + 0.25 * inf = inf
    (5, '-Infinity'), (5, 0), (5, 1), (5, 'Infinity'), (5, 'Infinity'),
    (6, '1.7976931348623157e+308'), (6, '-1.7976931348623157e+308'),  -- hi - lo overflows: Infinity
    (7, '5e-324'), (7, '1e-323'), (7, '1.5e-323'),                  -- subnormals
    (8, 0), (8, 0), (8, 1), (8, 1);
SELECT is(count(*), 0::bigint, 'extreme cases: median, q1 and q3 bit-equal to percentile_cont, min and max to min() and max()')
FROM (SELECT c, airesilience.source_consensus(x) AS r,
             ROW(percentile_cont(0.5) WITHIN GROUP (ORDER BY x), count(x),
                 percentile_cont(0.25) WITHIN GROUP (ORDER BY x), percentile_cont(0.75) WITHIN GROUP (ORDER BY x),
                 percentile_cont(0.75) WITHIN GROUP (ORDER BY x) - percentile_cont(0.25) WITHIN GROUP (ORDER BY x),
                 min(x), max(x))::airesilience.consensus AS e
      FROM extreme_cases GROUP BY c) s
WHERE pg_temp.bits(r) IS DISTINCT FROM pg_temp.bits(e);
SELECT results_eq($$SELECT c, airesilience.source_consensus(x)::text FROM extreme_cases GROUP BY c ORDER BY c$$,
                  $$VALUES (1, '(NaN,2,NaN,NaN,NaN,-Infinity,Infinity)'),
                           (2, '(NaN,2,NaN,NaN,NaN,Infinity,Infinity)'),
                           (3, '(Infinity,5,Infinity,Infinity,NaN,Infinity,Infinity)'),
                           (4, '(2.5,4,1.75,Infinity,Infinity,1,Infinity)'),
                           (5, '(1,5,0,Infinity,Infinity,-Infinity,Infinity)'),
                           (6, '(Infinity,2,Infinity,Infinity,NaN,-1.79769313486232e+308,1.79769313486232e+308)'),
                           (7, '(9.88131291682493e-324,3,4.94065645841247e-324,9.88131291682493e-324,4.94065645841247e-324,4.94065645841247e-324,1.48219693752374e-323)'),
                           (8, '(0.5,4,0,1,1,0,1)')$$,
                  'the extreme cases give what percentile_cont gives (NaN where infinities meet)');

------------------------------------------------------------------------------
-- Random groups against percentile_cont, min(), max() and count()
------------------------------------------------------------------------------

-- 1,200 groups in five families, built from a fixed seed:
--   g % 5 = 0: uniform on [0, 100), 1 to 13 values (sizes 1 and 2 included)
--   g % 5 = 1: many duplicates (integers 0-3), 1 to 21 values
--   g % 5 = 2: whole scores 0-100 with ties, 2 to 6 values (a source count)
--   g % 5 = 3: magnitudes from 1e-300 to 1e300 of either sign, 1 to 12 values
--   g % 5 = 4: every fifth one 601 to 3,000 values (the sampling path of the
--              selection), the others 14 to 99
-- About 5% of the values are NULL.
CREATE TEMP TABLE samples (g int, x float8);
DO $$ BEGIN PERFORM setseed(0.17); END $$;
INSERT INTO samples
SELECT g,
       CASE WHEN random() < 0.05 THEN NULL
            WHEN g % 5 = 0 THEN random() * 100
            WHEN g % 5 = 1 THEN floor(random() * 4)
            WHEN g % 5 = 2 THEN round(random() * 100)
            WHEN g % 5 = 3 THEN (CASE WHEN random() < 0.5 THEN -1 ELSE 1 END) * 10::float8 ^ (random() * 600 - 300)
            ELSE random() * 50 - 10
       END
FROM generate_series(1, 1200) g,
     LATERAL generate_series(1, CASE g % 5
                                    WHEN 0 THEN 1 + g % 13
                                    WHEN 1 THEN 1 + g % 21
                                    WHEN 2 THEN 2 + g % 5
                                    WHEN 3 THEN 1 + g % 12
                                    ELSE CASE WHEN g % 25 = 4 THEN 601 + (g * 37) % 2400 ELSE 14 + g % 86 END
                                END) i;
ANALYZE samples;

CREATE TEMP TABLE expected AS
SELECT g, count(x) AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY x) AS q1,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY x) AS q3,
       min(x) AS min, max(x) AS max
FROM samples GROUP BY g;

SELECT ok(count(*) = 1200
          AND count(*) FILTER (WHERE n = 0) > 0
          AND count(*) FILTER (WHERE n = 1) > 10 AND count(*) FILTER (WHERE n = 2) > 10
          AND count(*) FILTER (WHERE n % 2 = 0) > 300 AND count(*) FILTER (WHERE n % 2 = 1) > 300
          AND count(*) FILTER (WHERE n > 600) > 30
          AND count(*) FILTER (WHERE n > 2 AND q1 = median) > 20,
          'the random groups: 1,200, of sizes 0 (only NULLs), 1, 2, odd, even and over 600, some with tied quartiles')
FROM expected;

CREATE TEMP TABLE got_hashed AS SELECT g, airesilience.source_consensus(x) AS c FROM samples GROUP BY g;
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_consensus(x) FROM samples GROUP BY g') LIKE '%HashAggregate%',
          'the 1,200 groups are hashed');
SELECT is(count(*), 0::bigint, 'random groups: median bit-equal to percentile_cont(0.5)')
FROM expected e FULL JOIN got_hashed r USING (g)
WHERE float8send(e.median) IS DISTINCT FROM float8send((r.c).median) OR e.g IS NULL OR r.g IS NULL;
SELECT is(count(*), 0::bigint, 'random groups: q1 bit-equal to percentile_cont(0.25)')
FROM expected e JOIN got_hashed r USING (g)
WHERE float8send(e.q1) IS DISTINCT FROM float8send((r.c).q1);
SELECT is(count(*), 0::bigint, 'random groups: q3 bit-equal to percentile_cont(0.75)')
FROM expected e JOIN got_hashed r USING (g)
WHERE float8send(e.q3) IS DISTINCT FROM float8send((r.c).q3);
SELECT is(count(*), 0::bigint, 'random groups: iqr bit-equal to q3 - q1')
FROM expected e JOIN got_hashed r USING (g)
WHERE float8send(e.q3 - e.q1) IS DISTINCT FROM float8send((r.c).iqr);
SELECT is(count(*), 0::bigint, 'random groups: min and max bit-equal to min() and max()')
FROM expected e JOIN got_hashed r USING (g)
WHERE float8send(e.min) IS DISTINCT FROM float8send((r.c).min)
   OR float8send(e.max) IS DISTINCT FROM float8send((r.c).max);
SELECT is(count(*), 0::bigint, 'random groups: n = count(score); NULL consensus exactly for the groups of only NULLs')
FROM expected e JOIN got_hashed r USING (g)
WHERE (r.c)::text IS NULL IS DISTINCT FROM (e.n = 0) OR (e.n > 0 AND (r.c).n IS DISTINCT FROM e.n);

SET LOCAL enable_hashagg = off;
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_consensus(x) FROM samples GROUP BY g') LIKE '%GroupAggregate%',
          'with enable_hashagg off the groups are sorted');
SELECT is(count(*), 0::bigint, 'random groups, sorted grouping: every field the same bits as hashed')
FROM got_hashed h FULL JOIN (SELECT g, airesilience.source_consensus(x) AS c FROM samples GROUP BY g) r USING (g)
WHERE pg_temp.bits(h.c) IS DISTINCT FROM pg_temp.bits(r.c) OR h.g IS NULL OR r.g IS NULL;
RESET enable_hashagg;

-- A tiny work_mem makes hash aggregation spill groups to disk and redo them.
SET LOCAL work_mem = '64kB';
SET LOCAL enable_sort = off;
SELECT ok(pg_temp.analyzed_plan_of('SELECT g, airesilience.source_consensus(x) FROM samples GROUP BY g') ~ 'Batches: ([2-9]|[1-9][0-9]+)',
          'with work_mem 64kB the hash aggregation spills (more than one batch)');
SELECT is(count(*), 0::bigint, 'random groups, hash aggregation spilling to disk: every field the same bits')
FROM got_hashed h FULL JOIN (SELECT g, airesilience.source_consensus(x) AS c FROM samples GROUP BY g) r USING (g)
WHERE pg_temp.bits(h.c) IS DISTINCT FROM pg_temp.bits(r.c) OR h.g IS NULL OR r.g IS NULL;
RESET work_mem;
RESET enable_sort;

------------------------------------------------------------------------------
-- Large inputs and input orders
------------------------------------------------------------------------------

CREATE TEMP TABLE many AS
SELECT i, (random() * 200 - 50)::float8 AS x FROM generate_series(1, 100003) i;
-- The bits of the consensus of x in a query's rows, as expected and as got.
CREATE FUNCTION pg_temp.expected_bits(query text) RETURNS bytea
LANGUAGE plpgsql AS $$
DECLARE
    result bytea;
BEGIN
    EXECUTE format('SELECT pg_temp.bits(ROW(percentile_cont(0.5) WITHIN GROUP (ORDER BY x), count(x),
                               percentile_cont(0.25) WITHIN GROUP (ORDER BY x), percentile_cont(0.75) WITHIN GROUP (ORDER BY x),
                               percentile_cont(0.75) WITHIN GROUP (ORDER BY x) - percentile_cont(0.25) WITHIN GROUP (ORDER BY x),
                               min(x), max(x))::airesilience.consensus) FROM (%s) s', query)
    INTO result;
    RETURN result;
END
$$;
CREATE FUNCTION pg_temp.got_bits(query text) RETURNS bytea
LANGUAGE plpgsql AS $$
DECLARE
    result bytea;
BEGIN
    EXECUTE format('SELECT pg_temp.bits(airesilience.source_consensus(x ORDER BY o)) FROM (%s) s', query) INTO result;
    RETURN result;
END
$$;

SELECT is(pg_temp.got_bits(q), pg_temp.expected_bits(q), d)
FROM (VALUES
    ('SELECT i AS o, x FROM many', '100,003 rows (n - 1 divisible by 4 + 2): every field bit-equal'),
    ('SELECT i AS o, x FROM many WHERE i <= 100000', '100,000 rows: every field bit-equal'),
    ('SELECT i AS o, x FROM many WHERE i <= 100001', '100,001 rows (quartiles on rows): every field bit-equal'),
    ('SELECT i AS o, round(x) AS x FROM many WHERE i <= 100002', '100,002 rows of 201 distinct values: every field bit-equal'),
    ('SELECT i AS o, i::float8 AS x FROM generate_series(1, 10000) i', 'ascending input'),
    ('SELECT i AS o, (10001 - i)::float8 AS x FROM generate_series(1, 10000) i', 'descending input'),
    ('SELECT i AS o, least(i, 10002 - i)::float8 AS x FROM generate_series(1, 10002) i', 'organ-pipe input'),
    ('SELECT i AS o, 7::float8 AS x FROM generate_series(1, 10001) i', '10,001 equal values'),
    ('SELECT i AS o, (i % 2)::float8 AS x FROM generate_series(1, 10002) i', '10,002 values alternating 0 and 1')
) t(q, d);

------------------------------------------------------------------------------
-- With source_median in the same query (one shared state), and as a window
-- function: both final functions may run on one state, and the transition
-- may go on after a final call
------------------------------------------------------------------------------

SELECT is(count(*), 0::bigint, 'source_median and source_consensus in one query: both equal to percentile_cont')
FROM (SELECT g, airesilience.source_median(x) AS m, airesilience.source_consensus(x) AS c,
             airesilience.source_median(x) AS m2
      FROM samples GROUP BY g) r
JOIN expected e USING (g)
WHERE float8send(r.m) IS DISTINCT FROM float8send(e.median)
   OR float8send(r.m2) IS DISTINCT FROM float8send(e.median)
   OR float8send((r.c).median) IS DISTINCT FROM float8send(e.median)
   OR float8send((r.c).q1) IS DISTINCT FROM float8send(e.q1)
   OR float8send((r.c).q3) IS DISTINCT FROM float8send(e.q3)
   OR float8send((r.c).max) IS DISTINCT FROM float8send(e.max);

CREATE TEMP TABLE series AS
SELECT i, floor(random() * 1000)::float8 AS x FROM generate_series(1, 200) i;
SELECT is(count(*), 0::bigint, 'a running consensus (growing frame) equals percentile_cont, min and max of each prefix')
FROM (SELECT i, airesilience.source_consensus(x) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c,
             airesilience.source_median(x) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS m
      FROM series) w
WHERE pg_temp.bits(w.c) IS DISTINCT FROM pg_temp.expected_bits(format('SELECT x FROM series WHERE i <= %s', w.i))
   OR w.m IS DISTINCT FROM (w.c).median;
SELECT is(count(*), 0::bigint, 'a moving consensus (5-row frame) equals that of each frame')
FROM (SELECT i, airesilience.source_consensus(x) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS c
      FROM series) w
WHERE pg_temp.bits(w.c) IS DISTINCT FROM
      pg_temp.expected_bits(format('SELECT x FROM series WHERE i BETWEEN %s AND %s', w.i - 2, w.i + 2));

------------------------------------------------------------------------------
-- Parallel aggregation: the workers' partial states are serialized,
-- deserialized and combined, and the result is the serial one
------------------------------------------------------------------------------

-- Regular tables: temporary tables are never scanned in parallel.  Groups
-- are spread over the whole table, so every process sees every group.
CREATE TABLE public.source_consensus_parallel (g int, x float8);
INSERT INTO public.source_consensus_parallel
SELECT i % 300,
       CASE WHEN i % 300 = 7 THEN NULL                                  -- a group of only NULLs
            WHEN random() < 0.02 THEN NULL
            WHEN i % 300 < 100 THEN floor(random() * 5)                 -- duplicates
            ELSE random() * 100 END
FROM generate_series(1, 150000) i;
-- One group only the last rows have, so most partial states lack it.
INSERT INTO public.source_consensus_parallel VALUES (1000, 42), (1000, 43);
ANALYZE public.source_consensus_parallel;
-- Never analyzed: the planner then assumes a few pages and plans parallel.
CREATE TABLE public.source_consensus_parallel_empty (g int, x float8);

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_whole AS
SELECT airesilience.source_consensus(x) AS c,
       ROW(percentile_cont(0.5) WITHIN GROUP (ORDER BY x), count(x),
           percentile_cont(0.25) WITHIN GROUP (ORDER BY x), percentile_cont(0.75) WITHIN GROUP (ORDER BY x),
           percentile_cont(0.75) WITHIN GROUP (ORDER BY x) - percentile_cont(0.25) WITHIN GROUP (ORDER BY x),
           min(x), max(x))::airesilience.consensus AS e
FROM public.source_consensus_parallel;
CREATE TEMP TABLE serial_groups AS
SELECT g, airesilience.source_consensus(x) AS c FROM public.source_consensus_parallel GROUP BY g;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
-- Workers, not the leader, scan: more partial states reach the combine step.
SET LOCAL parallel_leader_participation = off;

SELECT ok(pg_temp.plan_of('SELECT airesilience.source_consensus(x) FROM public.source_consensus_parallel')
          ~ 'Finalize Aggregate.*Gather.*Partial Aggregate',
          'the whole-table consensus runs as a parallel plan (Finalize Aggregate, Gather, Partial Aggregate)');
SELECT is(pg_temp.bits(airesilience.source_consensus(x)), (SELECT pg_temp.bits(c) FROM serial_whole),
          'parallel whole-table consensus = serial one, every bit')
FROM public.source_consensus_parallel;
SELECT is((SELECT pg_temp.bits(c) FROM serial_whole), (SELECT pg_temp.bits(e) FROM serial_whole),
          '... = percentile_cont, count, min and max, every bit');

SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_consensus(x) FROM public.source_consensus_parallel GROUP BY g')
          ~ 'Finalize (Hash|Group)Aggregate.*Gather.*Partial (Hash|Group)Aggregate',
          'the grouped consensus runs as a parallel plan');
SELECT is(count(*), 0::bigint, 'parallel grouped consensus = serial, every bit, the NULL group included')
FROM serial_groups s
FULL JOIN (SELECT g, airesilience.source_consensus(x) AS c FROM public.source_consensus_parallel GROUP BY g) r USING (g)
WHERE pg_temp.bits(s.c) IS DISTINCT FROM pg_temp.bits(r.c) OR s.g IS NULL OR r.g IS NULL;
SELECT ok((SELECT count(*) FROM serial_groups) = 301 AND (SELECT c::text IS NULL FROM serial_groups WHERE g = 7)
          AND (SELECT c::text = '(42.5,2,42.25,42.75,0.5,42,43)' FROM serial_groups WHERE g = 1000),
          'the parallel data has 301 groups: one of only NULLs (NULL), one at the end only');
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_median(x), airesilience.source_consensus(x) FROM public.source_consensus_parallel GROUP BY g')
          ~ 'Finalize (Hash|Group)Aggregate.*Gather.*Partial (Hash|Group)Aggregate',
          'source_median and source_consensus together also run in parallel');
SELECT is(count(*), 0::bigint, 'parallel, both aggregates together: the same results as serial')
FROM serial_groups s
FULL JOIN (SELECT g, airesilience.source_median(x) AS m, airesilience.source_consensus(x) AS c
           FROM public.source_consensus_parallel GROUP BY g) r USING (g)
WHERE pg_temp.bits(s.c) IS DISTINCT FROM pg_temp.bits(r.c) OR (s.c).median IS DISTINCT FROM r.m
   OR s.g IS NULL OR r.g IS NULL;

SET LOCAL enable_hashagg = off;
SELECT ok(pg_temp.plan_of('SELECT g, airesilience.source_consensus(x) FROM public.source_consensus_parallel GROUP BY g')
          ~ 'Finalize GroupAggregate.*Partial GroupAggregate',
          'the grouped consensus also runs as a parallel sorted aggregation');
SELECT is(count(*), 0::bigint, 'parallel sorted grouping: the same as serial, every bit')
FROM serial_groups s
FULL JOIN (SELECT g, airesilience.source_consensus(x) AS c FROM public.source_consensus_parallel GROUP BY g) r USING (g)
WHERE pg_temp.bits(s.c) IS DISTINCT FROM pg_temp.bits(r.c) OR s.g IS NULL OR r.g IS NULL;
RESET enable_hashagg;

RESET parallel_leader_participation;
SELECT ok(pg_temp.plan_of('SELECT airesilience.source_consensus(x) FROM public.source_consensus_parallel_empty')
          ~ 'Finalize Aggregate.*Gather.*Partial Aggregate',
          'the consensus of an empty table runs as a parallel plan');
SELECT results_eq($$SELECT airesilience.source_consensus(x)::text IS NULL FROM public.source_consensus_parallel_empty$$,
                  $$VALUES (true)$$,
                  'parallel, empty table: one row, NULL consensus');
SELECT results_eq($$SELECT airesilience.source_consensus(x)::text IS NULL FROM public.source_consensus_parallel WHERE x IS NULL$$,
                  $$VALUES (true)$$,
                  'parallel, only NULL values: NULL consensus');

INSERT INTO public.source_consensus_parallel VALUES (5, 'NaN');
SELECT throws_ok($$SELECT airesilience.source_consensus(x) FROM public.source_consensus_parallel$$,
                 '22023', NULL, 'parallel: NaN is rejected (22023)');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

------------------------------------------------------------------------------
-- consensus_confidence(n, iqr): at and around every threshold
------------------------------------------------------------------------------

-- Agreement grades (0.2.0, the quintiles of the percentile scores): iqr
-- below 13 High, below 18 Medium-high, below 22 Medium, below 28
-- Low-medium, else Low; one step down per source fewer than 4; one source
-- or none Low.
SELECT is(airesilience.consensus_confidence(n, iqr), expected,
          format('consensus_confidence(%s, %s) = %s', coalesce(n::text, 'NULL'), coalesce(iqr::text, 'NULL'), expected))
FROM (VALUES
    -- four sources: the bands themselves
    (4::bigint, 0::float8, 'High'),
    (4, '-0', 'High'),
    (4, 12.999999, 'High'),
    (4, 13, 'Medium-high'),
    (4, 13.000001, 'Medium-high'),
    (4, 17.999999, 'Medium-high'),
    (4, 18, 'Medium'),
    (4, 21.999999, 'Medium'),
    (4, 22, 'Low-medium'),
    (4, 27.999999, 'Low-medium'),
    (4, 28, 'Low'),
    (4, 100, 'Low'),
    (4, 'Infinity', 'Low'),
    (4, NULL, 'Low'),
    -- more than four sources: as four
    (5, 12.999999, 'High'),
    (9223372036854775807, 13, 'Medium-high'),
    -- three sources: one step down
    (3, 0, 'Medium-high'),
    (3, 12.999999, 'Medium-high'),
    (3, 13, 'Medium'),
    (3, 17.999999, 'Medium'),
    (3, 18, 'Low-medium'),
    (3, 21.999999, 'Low-medium'),
    (3, 22, 'Low'),
    (3, 28, 'Low'),
    (3, NULL, 'Low'),
    -- two sources: two steps down
    (2, 0, 'Medium'),
    (2, 12.999999, 'Medium'),
    (2, 13, 'Low-medium'),
    (2, 17.999999, 'Low-medium'),
    (2, 18, 'Low'),
    (2, 50, 'Low'),
    -- one source or none
    (1, 0, 'Low'),
    (0, 0, 'Low'),
    (0, NULL, 'Low'),
    (NULL, 0, 'Low'),
    (NULL, NULL, 'Low')
) t(n, iqr, expected);

-- consensus_confidence_banded: the bands and the full count are arguments
-- (0.1.0's bands 19/27/33/39 give 0.1.0's grades).
SELECT is(airesilience.consensus_confidence_banded(4, 26.999999, '{19,27,33,39}', 4), 'Medium-high',
          'banded: 0.1.0''s bands, 26.999999 -> Medium-high');
SELECT is(airesilience.consensus_confidence_banded(5, 1, '{13,18,22,28}', 6), 'Medium-high',
          'banded: 5 sources of 6 for High, iqr 1 -> one step down, Medium-high');
SELECT throws_ok($$SELECT airesilience.consensus_confidence_banded(4, 1, '{13,18,22}', 4)$$,
                 '22023', 'bands must have 4 elements', 'banded: three bands -> 22023');
SELECT throws_ok($$SELECT airesilience.consensus_confidence_banded(4, 1, '{13,18,18,28}', 4)$$,
                 '22023', 'bands must be finite and strictly increasing', 'banded: bands not increasing -> 22023');
SELECT throws_ok($$SELECT airesilience.consensus_confidence_banded(4, 1, '{13,18,22,28}', 0)$$,
                 '22023', 'full_count must be at least 1', 'banded: full_count 0 -> 22023');
SELECT throws_ok($$SELECT airesilience.consensus_confidence_banded(4, 1, NULL, 4)$$,
                 '22004', 'bands and full_count must not be NULL', 'banded: NULL bands -> 22004');

SELECT is(airesilience.consensus_confidence((c).n, (c).iqr), 'Low',
          'the NULL consensus of no scores gives Low')
FROM (SELECT airesilience.source_consensus(x) AS c FROM empty_scores) s;
SELECT is(airesilience.consensus_confidence((c).n, (c).iqr), 'High',
          'four agreeing scores {60, 62, 70, 75}: iqr 9.25 < 13, High')
FROM (SELECT airesilience.source_consensus(x) AS c FROM (VALUES (60::float8), (62), (70), (75)) v(x)) s;

SELECT throws_ok($$SELECT airesilience.consensus_confidence(-1, 10)$$,
                 '22023', 'number of sources must not be negative', 'a negative n is rejected (22023)');
SELECT throws_ok($$SELECT airesilience.consensus_confidence(-1, NULL)$$,
                 '22023', 'number of sources must not be negative', 'a negative n is rejected also with a NULL iqr');
SELECT throws_ok($$SELECT airesilience.consensus_confidence(4, -0.000001)$$,
                 '22023', 'interquartile range must not be negative', 'a negative iqr is rejected (22023)');
SELECT throws_ok($$SELECT airesilience.consensus_confidence(4, '-Infinity')$$,
                 '22023', 'interquartile range must not be negative', '-Infinity is rejected (22023)');
SELECT throws_ok($$SELECT airesilience.consensus_confidence(4, 'NaN')$$,
                 '22023', 'interquartile range must not be NaN', 'a NaN iqr is rejected (22023)');
SELECT throws_ok($$SELECT airesilience.consensus_confidence(0, 'NaN')$$,
                 '22023', 'interquartile range must not be NaN', 'a NaN iqr is rejected whatever n');
SELECT throws_ok($$SELECT airesilience.consensus_confidence(1, -5)$$,
                 '22023', 'interquartile range must not be negative', 'a negative iqr is rejected whatever n');

SELECT * FROM finish();
ROLLBACK;

-- Benchmark of the aggregates against the built-in and peer alternatives, in
-- one run on one server.  Times are the median of :reps runs; every figure
-- is reported as a ratio to avg(score) measured serially in the same run,
-- because absolute times on shared machines drift.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;

\echo 'generating' :rows 'rows (score 0-100, weight 0-5, 1000 groups)'
DROP TABLE IF EXISTS bench_rows;
CREATE TABLE bench_rows AS
SELECT (i % 1000)::int AS grp, random() * 100 AS score, random() * 5 AS weight
  FROM generate_series(1, :rows) i;
VACUUM ANALYZE bench_rows;

CREATE TEMP TABLE bench_query (id int, name text, sql text);
INSERT INTO bench_query VALUES
 (1, 'avg(score)',                           'SELECT avg(score) FROM bench_rows'),
 (2, 'sum(score*weight)/sum(weight)',        'SELECT sum(score * weight) / sum(weight) FROM bench_rows'),
 (3, 'weighted_resilience(score, weight)',   'SELECT airesilience.weighted_resilience(score, weight) FROM bench_rows'),
 (4, 'percentile_cont(0.5)',                 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY score) FROM bench_rows'),
 (5, 'source_median(score)',                 'SELECT airesilience.source_median(score) FROM bench_rows'),
 (6, 'percentile_cont(0.5), 1000 groups',    'SELECT count(m) FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY score) m FROM bench_rows GROUP BY grp) s'),
 (7, 'source_median, 1000 groups',           'SELECT count(m) FROM (SELECT airesilience.source_median(score) m FROM bench_rows GROUP BY grp) s'),
 (8, 'weighted_resilience, 1000 groups',     'SELECT count(m) FROM (SELECT airesilience.weighted_resilience(score, weight) m FROM bench_rows GROUP BY grp) s');
-- the approximate peer, when the tdigest extension is installed
SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'tdigest') AS have_tdigest \gset
\if :have_tdigest
CREATE EXTENSION IF NOT EXISTS tdigest;
INSERT INTO bench_query VALUES
 (9, 'tdigest_percentile(score, 100, 0.5) (approximate)',
     'SELECT tdigest_percentile(score, 100, 0.5) FROM bench_rows');
\endif
SET bench.reps = :reps;

-- Wall time of one statement in milliseconds, planning included.
CREATE FUNCTION pg_temp.run_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE q;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

CREATE TEMP TABLE bench_result (id int, workers int, ms float8);
DO $$
DECLARE
    q record;
    w int;
    r int;
BEGIN
    FOR w IN SELECT unnest(ARRAY[0, 2]) LOOP
        PERFORM set_config('max_parallel_workers_per_gather', w::text, false);
        FOR q IN SELECT * FROM bench_query ORDER BY id LOOP
            PERFORM pg_temp.run_ms(q.sql);                  -- warm-up
            FOR r IN 1 .. current_setting('bench.reps')::int LOOP
                INSERT INTO bench_result VALUES (q.id, w, pg_temp.run_ms(q.sql));
            END LOOP;
        END LOOP;
    END LOOP;
END $$;

\echo
\echo 'median of' :reps 'runs; ratio = time / serial avg(score) time'
WITH m AS (
    SELECT id, workers, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
      FROM bench_result GROUP BY id, workers),
base AS (SELECT ms FROM m WHERE id = 1 AND workers = 0)
SELECT q.name AS query,
       round(s.ms::numeric, 0) AS serial_ms,
       round((s.ms / base.ms)::numeric, 2) AS serial_ratio,
       round(p.ms::numeric, 0) AS "2_workers_ms",
       round((p.ms / base.ms)::numeric, 2) AS "2_workers_ratio"
  FROM bench_query q
  JOIN m s ON s.id = q.id AND s.workers = 0
  JOIN m p ON p.id = q.id AND p.workers = 2
 CROSS JOIN base
 ORDER BY q.id;

\echo 'head to head (serial / serial, 2 workers / 2 workers; > 1 means ours is faster)'
WITH m AS (
    SELECT id, workers, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
      FROM bench_result GROUP BY id, workers)
SELECT c.label AS comparison,
       round((a0.ms / b0.ms)::numeric, 2) AS serial,
       round((a2.ms / b2.ms)::numeric, 2) AS "2_workers"
  FROM (VALUES ('percentile_cont / source_median', 4, 5),
               ('percentile_cont / source_median, 1000 groups', 6, 7),
               ('avg / weighted_resilience', 1, 3),
               ('sum(s*w)/sum(w) / weighted_resilience', 2, 3)) c(label, theirs, ours)
  JOIN m a0 ON a0.id = c.theirs AND a0.workers = 0
  JOIN m b0 ON b0.id = c.ours AND b0.workers = 0
  JOIN m a2 ON a2.id = c.theirs AND a2.workers = 2
  JOIN m b2 ON b2.id = c.ours AND b2.workers = 2;

DROP TABLE bench_rows;

-- Every report row for every occupation, on the data loaded in the current
-- database (the public datasets: scripts/bench-serve.sh loads them).
--
-- Each view is written out in full, as a client pulling it would: COPY of
-- SELECT * to /dev/null, so that no column can be pruned by the planner.
-- Times are the median of :reps runs.  Two references measured in the same
-- run give the ratios: copying the raw task and rating tables (the least any
-- report over them can cost), and occupation_report with its kernels swapped
-- for the built-in aggregates (percentile_cont for the consensus, sum/sum
-- for the weighted means).
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
SET bench.reps = :reps;

CREATE TEMP TABLE bench_query (id int, name text, sql text);
INSERT INTO bench_query
SELECT row_number() OVER (ORDER BY v), v, format('SELECT * FROM airesilience.%I', v)
  FROM unnest(ARRAY['task_report', 'source_report', 'occupation_report', 'seniority_report',
                    'composite_report', 'composite_signal_report', 'potential_adoption_report',
                    'task_rater_report', 'rater_agreement_report', 'exposure_vector_report']) v
 WHERE to_regclass('airesilience.' || v) IS NOT NULL;
INSERT INTO bench_query VALUES
 (100, 'raw tables: task + task_rating',
  'SELECT * FROM airesilience.task t JOIN airesilience.task_rating r USING (onet_code, task_id)'),
 (101, 'occupation_report with built-in aggregates', $q$
SELECT o.soc_code, o.onet_code, o.title, o.category, t.task_resilience, t.task_count,
       c.source_median, c.source_count, c.dispersion, l.*
  FROM airesilience.occupation o
  LEFT JOIN (SELECT s.onet_code,
                    100 - sum(s.exposure * s.weight) / nullif(sum(s.weight) FILTER (WHERE s.exposure IS NOT NULL), 0)
                        AS task_resilience,
                    count(*) AS task_count
               FROM airesilience.task_score s
              GROUP BY s.onet_code) t USING (onet_code)
  LEFT JOIN (SELECT onet_code,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS source_median,
                    count(*) AS source_count,
                    percentile_cont(0.75) WITHIN GROUP (ORDER BY score)
                    - percentile_cont(0.25) WITHIN GROUP (ORDER BY score) AS dispersion
               FROM airesilience.source_report
              GROUP BY onet_code) c USING (onet_code)
  LEFT JOIN airesilience.labor_stats l ON l.soc_code = o.soc_code
$q$);

CREATE FUNCTION pg_temp.copy_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE format('COPY (%s) TO ''/dev/null''', q);
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

CREATE TEMP TABLE bench_result (id int, ms float8);
DO $$
DECLARE
    q record;
BEGIN
    FOR q IN SELECT * FROM bench_query ORDER BY id LOOP
        PERFORM pg_temp.copy_ms(q.sql);                      -- warm-up
        FOR r IN 1 .. current_setting('bench.reps')::int LOOP
            INSERT INTO bench_result VALUES (q.id, pg_temp.copy_ms(q.sql));
        END LOOP;
    END LOOP;
END $$;

SELECT count(*) AS occupations, count(*) FILTER (WHERE task_count > 0) AS with_tasks
  FROM airesilience.occupation_report;

\echo 'median of' :reps 'runs; ratio = time / copying the raw task and rating tables'
CREATE TEMP VIEW bench_median AS
SELECT id, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM bench_result GROUP BY id;
SELECT q.name AS report,
       (SELECT count(*) FROM bench_result) / (SELECT count(DISTINCT id) FROM bench_result) AS runs,
       round(m.ms::numeric, 1) AS ms,
       round((m.ms / raw.ms)::numeric, 2) AS ratio_to_raw
  FROM bench_query q
  JOIN bench_median m USING (id)
 CROSS JOIN (SELECT ms FROM bench_median WHERE id = 100) raw
 ORDER BY q.id;

SELECT round(sum(m.ms)::numeric, 1) AS all_reports_ms,
       round((sum(m.ms) / max(raw.ms))::numeric, 2) AS ratio_to_raw
  FROM bench_median m
 CROSS JOIN (SELECT ms FROM bench_median WHERE id = 100) raw
 WHERE m.id < 100;

SELECT round((b.ms / o.ms)::numeric, 2) AS "occupation_report: built-in aggregates / ours"
  FROM bench_median b, bench_median o, bench_query q
 WHERE b.id = 101 AND q.name = 'occupation_report' AND o.id = q.id;

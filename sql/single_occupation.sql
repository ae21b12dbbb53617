-- A query for one occupation reads only that occupation's rows: the
-- condition on onet_code reaches every scan of the per-occupation tables, so
-- no other occupation's tasks, ratings or sources are aggregated.
EXPLAIN (COSTS OFF) SELECT * FROM airesilience.occupation_report WHERE onet_code = '29-2072.00';

-- The same, checked mechanically for every report view: each scan of a
-- per-occupation table carries the occupation's code in its condition (the
-- check the pgTAP files share).
\ir test/include/plan_scans.sql

SELECT v AS view, count(u) AS unfiltered_scans, string_agg(u, ', ') AS which
  FROM unnest(ARRAY['task_report', 'source_report', 'occupation_report', 'seniority_report']) v
  LEFT JOIN LATERAL pg_temp.unfiltered_scans(
       format('SELECT * FROM airesilience.%I WHERE onet_code = %L', v, '29-2072.00'), '29-2072.00') u ON true
 GROUP BY v
 ORDER BY v;

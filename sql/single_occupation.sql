-- A query for one occupation reads only that occupation's rows: the
-- condition on onet_code reaches every scan of the per-occupation tables, so
-- no other occupation's tasks, ratings or sources are aggregated.
EXPLAIN (COSTS OFF) SELECT * FROM airesilience.occupation_report WHERE onet_code = '29-2072.00';

-- The same, checked mechanically for every report view: each scan of a
-- per-occupation table carries the occupation's code in its condition.
CREATE FUNCTION pg_temp.unfiltered_scans(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
    RETURN QUERY
    SELECT node->>'Node Type' || ' on ' || (node->>'Relation Name')
      FROM jsonb_path_query(plan, 'strict $.**') AS node
     WHERE jsonb_typeof(node) = 'object'
       AND node->>'Relation Name' IN ('occupation', 'task', 'task_rating', 'source_value')
       AND concat(node->>'Filter', node->>'Index Cond', node->>'Recheck Cond') NOT LIKE '%29-2072.00%';
END $$;

SELECT v AS view, count(u) AS unfiltered_scans, string_agg(u, ', ') AS which
  FROM unnest(ARRAY['task_report', 'source_report', 'occupation_report', 'seniority_report']) v
  LEFT JOIN LATERAL pg_temp.unfiltered_scans(
       format('SELECT * FROM airesilience.%I WHERE onet_code = %L', v, '29-2072.00')) u ON true
 GROUP BY v
 ORDER BY v;

-- pg_temp.unfiltered_scans(query, code): the scans in query's plan of the
-- tables keyed by onet_code whose condition does not carry code.  Empty when
-- a query for one occupation reads only that occupation's rows (the rule
-- sql/single_occupation.sql checks for the core views).  Included with \ir
-- by the pgTAP files; not a test file itself (pg_prove runs test/*.sql).
CREATE FUNCTION pg_temp.unfiltered_scans(query text, code text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
    RETURN QUERY
    SELECT node->>'Node Type' || ' on ' || (node->>'Relation Name')
      FROM jsonb_path_query(plan, 'strict $.**') AS node
     WHERE jsonb_typeof(node) = 'object'
       AND node->>'Relation Name' IN ('occupation', 'task', 'task_rating', 'source_value', 'source_percentile',
                                      'occupation_adaptability', 'related_occupation', 'task_activity',
                                      'task_usage', 'occupation_usage')
       AND strpos(concat(node->>'Filter', node->>'Index Cond', node->>'Recheck Cond'), code) = 0;
END $$;

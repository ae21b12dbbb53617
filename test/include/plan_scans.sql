-- Plan checks shared by the tests, included with \ir (not a test file
-- itself: pg_prove runs test/*.sql).

-- pg_temp.plan_scans(query): the plan nodes of query that read a relation,
-- with their conditions.
CREATE FUNCTION pg_temp.plan_scans(query text)
RETURNS TABLE (node_type text, relation text, filter text, index_cond text, recheck_cond text)
LANGUAGE plpgsql AS $$
DECLARE
    plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
    RETURN QUERY
    SELECT node->>'Node Type', node->>'Relation Name', node->>'Filter', node->>'Index Cond', node->>'Recheck Cond'
      FROM jsonb_path_query(plan, 'strict $.**') AS node
     WHERE jsonb_typeof(node) = 'object' AND node ? 'Relation Name';
END $$;

-- pg_temp.unfiltered_scans(query, code): the scans in query's plan of the
-- tables keyed by onet_code whose condition does not carry code.  Empty when
-- a query for one occupation reads only that occupation's rows.
CREATE FUNCTION pg_temp.unfiltered_scans(query text, code text) RETURNS SETOF text
LANGUAGE sql AS $$
    SELECT s.node_type || ' on ' || s.relation
      FROM pg_temp.plan_scans(query) s
     WHERE s.relation IN ('occupation', 'task', 'task_rating', 'source_value', 'source_percentile',
                          'occupation_adaptability', 'related_occupation', 'task_activity',
                          'task_usage', 'occupation_usage')
       AND strpos(concat(s.filter, s.index_cond, s.recheck_cond), code) = 0
$$;

-- airesilience loader (loader/public.sql): Anthropic Economic Index task
-- usage.

------------------------------------------------------------------------------
-- Anthropic Economic Index 2025-02-10: share of conversations per task text
------------------------------------------------------------------------------

SELECT pg_temp.stage('anthropic-economic-index/onet_task_mappings.csv',
    '{task_name,pct}', '{task_name,pct}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('anthropic-economic-index/onet_task_mappings.csv');
    PERFORM pg_temp.require_text('anthropic-economic-index/onet_task_mappings.csv', 'task_name', '\S', 'a task statement');
    PERFORM pg_temp.require_number('anthropic-economic-index/onet_task_mappings.csv', 'pct', 0, 100);
    PERFORM pg_temp.require_unique('anthropic-economic-index/onet_task_mappings.csv', 'lower(btrim(t.task_name))', 'task_name');
END $$;
-- Matched by text, lower-cased and trimmed: a statement can be the text of
-- tasks in several occupations, and each of them gets the share.
CREATE TEMP TABLE new_task_usage ON COMMIT DROP AS
SELECT n.onet_code, n.task_id, 'anthropic_2025_02_10'::text AS dataset, a.pct::float8 AS share_pct, a.line
  FROM pg_temp."anthropic-economic-index/onet_task_mappings.csv" a
  JOIN pg_temp.new_task n ON lower(btrim(n.description)) = lower(btrim(a.task_name));
SELECT pg_temp.progress('anthropic-economic-index/onet_task_mappings.csv',
    (SELECT count(DISTINCT line) FROM pg_temp.new_task_usage),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'anthropic-economic-index/onet_task_mappings.csv')
            - (SELECT count(DISTINCT line) FROM pg_temp.new_task_usage))::text,
           'no O*NET 29.3 task has this text']],
    format('task_usage of %s tasks in %s occupations',
           (SELECT count(*) FROM pg_temp.new_task_usage),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task_usage)));


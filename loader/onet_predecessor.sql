-- airesilience loader (loader/public.sql): task types from the predecessor
-- occupation.  O*NET 29.3 gives no Task Type for its analyst-written tasks
-- (1,157 tasks, all 17 of Medical Records Specialists among them).  The
-- O*NET 20.1 task statements (the release Anthropic matched against,
-- anthropic-economic-index/onet_task_statements.csv, O*NET-SOC 2010 codes)
-- often have the same task, with a type, under the occupation's predecessor
-- (O*NET's 2010 -> 2019 crosswalk, loader/soc_crosswalk.sql: 29-2071.00 for
-- 29-2072.00).  An untyped task takes that type when
--   * a task of one of its occupation's predecessors has exactly the same
--     text (leading and trailing spaces aside; case and wording must match),
--   * and every such task has the same type (none disagree on the public
--     data).
-- task_type_source records where each type comes from: release (29.3's
-- own) or predecessor.

SELECT pg_temp.stage('anthropic-economic-index/onet_task_statements.csv',
    '{code,title,task_id,task,task_type,incumbents,date,domain_source}',
    '{O*NET-SOC Code,Title,Task ID,Task,Task Type,Incumbents Responding,Date,Domain Source}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$
DECLARE
    f constant text := 'anthropic-economic-index/onet_task_statements.csv';
BEGIN
    PERFORM pg_temp.check_header(f);
    PERFORM pg_temp.require_onet_code(f, 'code');
    PERFORM pg_temp.require_number(f, 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_text(f, 'task', '\S', 'a task statement');
    PERFORM pg_temp.require_text(f, 'task_type', '^(Core|Supplemental)$', 'Core or Supplemental', optional => true);
    PERFORM pg_temp.require_unique(f, 't.code, t.task_id::integer', 'task (O*NET-SOC Code, Task ID)');
END $$;

CREATE TEMP TABLE predecessor_type ON COMMIT DROP AS
SELECT n.onet_code, n.task_id,
       min(lower(s.task_type)) AS task_type,
       count(DISTINCT s.task_type) AS types,
       array_agg(s.line) AS lines
  FROM pg_temp.new_task n
  JOIN pg_temp.onet_predecessor p ON p.onet_code = n.onet_code
  JOIN pg_temp."anthropic-economic-index/onet_task_statements.csv" s
    ON s.code = p.predecessor AND btrim(s.task) = n.description
 WHERE n.task_type IS NULL
   AND s.task_type IS NOT NULL
 GROUP BY n.onet_code, n.task_id;
UPDATE pg_temp.new_task n
   SET task_type = p.task_type, task_type_source = 'predecessor'
  FROM pg_temp.predecessor_type p
 WHERE p.onet_code = n.onet_code AND p.task_id = n.task_id AND p.types = 1;
SELECT pg_temp.progress('anthropic-economic-index/onet_task_statements.csv',
    (SELECT count(DISTINCT l) FROM pg_temp.predecessor_type p, unnest(p.lines) l WHERE p.types = 1),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'anthropic-economic-index/onet_task_statements.csv')
            - (SELECT count(DISTINCT l) FROM pg_temp.predecessor_type p, unnest(p.lines) l WHERE p.types = 1))::text,
           'no untyped O*NET 29.3 task of a successor has this text']],
    format('task types of %s of the %s untyped O*NET 29.3 tasks, in %s occupations, from their predecessor''s task of the same text (%s with conflicting types left untyped)',
           (SELECT count(*) FROM pg_temp.predecessor_type WHERE types = 1),
           (SELECT count(*) FROM pg_temp.new_task WHERE task_type IS NULL OR task_type_source = 'predecessor'),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.predecessor_type WHERE types = 1),
           (SELECT count(*) FROM pg_temp.predecessor_type WHERE types > 1)));

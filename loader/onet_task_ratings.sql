-- airesilience loader (loader/public.sql): O*NET 29.3 task ratings (the
-- third party's pivot, see the data README).

-- Task ratings, one row per rated task: O*NET's importance (IM, 1-5) and
-- relevance (RT, 0-100), and freq_mean, the third party's expected
-- occurrences per working day (see the data README).
SELECT pg_temp.stage('onet-task-ratings/task_level_with_freq_importance_relevance.csv',
    '{code,title,task_id,task,freq_mean,freq_lower,freq_upper,importance,importance_lower,importance_upper,relevance,relevance_lower,relevance_upper}',
    '{O*NET-SOC Code,Title,Task ID,Task,freq_mean,freq_lower,freq_upper,importance,importance_lower,importance_upper,relevance,relevance_lower,relevance_upper}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$
DECLARE
    f constant text := 'onet-task-ratings/task_level_with_freq_importance_relevance.csv';
BEGIN
    PERFORM pg_temp.check_header(f);
    PERFORM pg_temp.require_onet_code(f, 'code');
    PERFORM pg_temp.require_number(f, 'task_id', 1, 2147483647, integral => true);
    PERFORM pg_temp.require_task(f, 'code', 'task_id');
    PERFORM pg_temp.require_number(f, 'importance', 1, 5, optional => true);
    PERFORM pg_temp.require_number(f, 'relevance', 0, 100, optional => true);
    PERFORM pg_temp.require_number(f, 'freq_mean', 0, 1e6, optional => true);
    PERFORM pg_temp.require_unique(f, 't.code, t.task_id::integer', 'task (O*NET-SOC Code, Task ID)');
END $$;
UPDATE pg_temp.new_task n
   SET importance = r.importance::float8, relevance = r.relevance::float8, frequency = r.freq_mean::float8
  FROM pg_temp."onet-task-ratings/task_level_with_freq_importance_relevance.csv" r
 WHERE n.onet_code = r.code AND n.task_id = r.task_id::integer;
SELECT pg_temp.progress('onet-task-ratings/task_level_with_freq_importance_relevance.csv',
    (SELECT count(*) FROM pg_temp."onet-task-ratings/task_level_with_freq_importance_relevance.csv"), NULL,
    format('ratings of %s tasks in %s occupations',
           (SELECT count(*) FROM pg_temp.new_task WHERE importance IS NOT NULL),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task WHERE importance IS NOT NULL)));


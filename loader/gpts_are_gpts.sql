-- airesilience loader (loader/public.sql): "GPTs are GPTs" task labels.

------------------------------------------------------------------------------
-- GPTs are GPTs: GPT-4 and human exposure labels per task
------------------------------------------------------------------------------

SELECT pg_temp.stage('gpts-are-gpts/full_labelset.tsv',
    '{index,code,task_id,task,task_type,title,human_exposure_agg,gpt4_exposure,gpt4_exposure_alt_rubric,gpt_3_relevant,gpt4_automation,alpha,beta,gamma,automation,human_labels}',
    '{"",O*NET-SOC Code,Task ID,Task,Task Type,Title,human_exposure_agg,gpt4_exposure,gpt4_exposure_alt_rubric,gpt_3_relevant,gpt4_automation,alpha,beta,gamma,automation,human_labels}') AS copy \gset
\set SHOW_CONTEXT errors
:copy
\set SHOW_CONTEXT never
DO $$ BEGIN
    PERFORM pg_temp.check_header('gpts-are-gpts/full_labelset.tsv');
    PERFORM pg_temp.require_onet_code('gpts-are-gpts/full_labelset.tsv', 'code');
    -- Task IDs are written as floats (8823.0).
    PERFORM pg_temp.require_text('gpts-are-gpts/full_labelset.tsv', 'task_id', '^[0-9]{1,9}(\.0*)?$', 'a task ID');
    PERFORM pg_temp.require_text('gpts-are-gpts/full_labelset.tsv', 'gpt4_exposure', '^E[012]$', 'E0, E1 or E2');
    PERFORM pg_temp.require_text('gpts-are-gpts/full_labelset.tsv', 'human_exposure_agg', '^E[012]$', 'E0, E1 or E2');
    PERFORM pg_temp.require_unique('gpts-are-gpts/full_labelset.tsv', 't.code, t.task_id::numeric', 'task (O*NET-SOC Code, Task ID)');
END $$;

-- E1 (direct exposure) = 100, E2 (exposure given LLM-powered software) = 50,
-- E0 = 0: the labels' beta measure on the 0-100 exposure scale.
CREATE TEMP TABLE new_task_rating ON COMMIT DROP AS
SELECT l.code AS onet_code, l.task_id::numeric::integer AS task_id, r.rater,
       CASE r.label WHEN 'E1' THEN 100 WHEN 'E2' THEN 50 ELSE 0 END::float8 AS exposure
  FROM pg_temp."gpts-are-gpts/full_labelset.tsv" l
 CROSS JOIN LATERAL (VALUES ('gpt4', l.gpt4_exposure), ('human', l.human_exposure_agg)) AS r(rater, label)
 WHERE EXISTS (SELECT FROM pg_temp.new_task n WHERE n.onet_code = l.code AND n.task_id = l.task_id::numeric::integer);
SELECT pg_temp.progress('gpts-are-gpts/full_labelset.tsv',
    (SELECT count(*) / 2 FROM pg_temp.new_task_rating),
    ARRAY[[((SELECT read FROM pg_temp.staged_file WHERE file = 'gpts-are-gpts/full_labelset.tsv')
            - (SELECT count(*) / 2 FROM pg_temp.new_task_rating))::text, 'task not in O*NET 29.3']],
    format('%s task ratings (raters gpt4 and human) in %s occupations',
           (SELECT count(*) FROM pg_temp.new_task_rating),
           (SELECT count(DISTINCT onet_code) FROM pg_temp.new_task_rating)));

